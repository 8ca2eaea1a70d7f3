from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'enums.py.j2'

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
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', 'enums.py.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), 'Enum classes, one per enum shape; members compare equal to their wire values.'))
    yield '\n\nfrom enum import Enum\n\n__all__ = [\n    "WireEnum",\n'
    for l_1_enum in context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_2(environment.getattr(l_1_enum, 'class_name')))
        yield ',\n'
    l_1_enum = missing
    yield ']\n\n\nclass WireEnum(str, Enum):\n    """Base of the enums: members are str, and str() or an f-string gives the wire value.\n\n    (As enum.StrEnum does, which is Python 3.11+ only.)\n    """\n\n    def __str__(self) -> str:\n        return str(self.value)\n'
    for l_1_enum in context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
        _loop_vars = {}
        pass
        yield '\n\nclass '
        yield str(environment.getattr(l_1_enum, 'class_name'))
        yield '(WireEnum):\n'
        yield str(t_1((t_3(environment.getattr(l_1_enum, 'docs')) or str_join(('The ', environment.getattr(l_1_enum, 'name'), ' enum.', ))), 4))
        yield '\n'
        for l_2_value in environment.getattr(l_1_enum, 'values'):
            l_2_whole_assignment = resolve('whole_assignment')
            _loop_vars = {}
            pass
            yield '    '
            yield str(context.call((undefined(name='whole_assignment') if l_2_whole_assignment is missing else l_2_whole_assignment), environment.getattr(l_2_value, 'member_name'), t_2(environment.getattr(l_2_value, 'value')), 4, _loop_vars=_loop_vars))
            yield '\n'
        l_2_value = l_2_whole_assignment = missing
    l_1_enum = missing

blocks = {}
debug_info = '1=32&2=34&8=36&9=40&22=44&25=48&26=50&27=52&28=57'