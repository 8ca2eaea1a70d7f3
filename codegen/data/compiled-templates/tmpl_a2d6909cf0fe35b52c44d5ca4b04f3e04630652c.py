from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'literals.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_service = resolve('service')
    l_0_provenance = resolve('provenance')
    l_0_m = missing
    try:
        t_1 = environment.filters['doc_block']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'doc_block' found.")
    try:
        t_2 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    try:
        t_3 = environment.filters['text']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'text' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', 'literals.py.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), 'Literal aliases, one per enum shape: the wire values in model order, then the members of its\nenum class (enums.py), which are those values too, so that either spelling type-checks wherever\nthe value goes.'))
    yield '\n\n'
    if context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
        pass
        yield 'from typing import Literal\n\nfrom .enums import (\n'
        for l_1_enum in context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_1_enum, 'class_name'))
            yield ',\n'
        l_1_enum = missing
        yield ')\n'
    yield '\n__all__ = [\n'
    for l_1_enum in context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_2(environment.getattr(l_1_enum, 'literal_name')))
        yield ',\n'
    l_1_enum = missing
    yield ']\n'
    for l_1_enum in context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(environment.getattr(l_1_enum, 'literal_name'))
        yield ' = Literal['
        for l_2_value in environment.getattr(l_1_enum, 'values'):
            _loop_vars = {}
            pass
            yield str(t_2(environment.getattr(l_2_value, 'value')))
            yield ', '
        l_2_value = missing
        for l_2_value in environment.getattr(l_1_enum, 'values'):
            _loop_vars = {}
            pass
            yield str(environment.getattr(l_1_enum, 'class_name'))
            yield '.'
            yield str(environment.getattr(l_2_value, 'member_name'))
            yield ', '
        l_2_value = missing
        yield ']\n'
        yield str(t_1(t_3(environment.getattr(l_1_enum, 'docs'))))
    l_1_enum = missing

blocks = {}
debug_info = '1=32&2=34&4=36&8=39&9=43&15=48&16=52&19=56&21=60&22=77'