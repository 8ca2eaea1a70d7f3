from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '__init__.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_service = resolve('service')
    l_0_provenance = resolve('provenance')
    l_0_lazy = resolve('lazy')
    l_0_elsewhere = resolve('elsewhere')
    l_0_m = missing
    try:
        t_1 = environment.filters['groupby']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'groupby' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_4 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', '__init__.py.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), str_join(('Typed shapes for the ', environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'full_name'), ' operations ', t_2(context.eval_ctx, t_3(context, environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'operations'), attribute='name'), ', '), '.\n\nLiteral aliases and enums are imported with the package; the TypedDicts, the\ndataclasses (models) and the validator on first use (PEP 562): creating\ndozens of TypedDict and slotted dataclass classes costs tens of milliseconds\nthat code using only part of the package, or the types only for mypy, should\nnot pay.', ))))
    yield '\n\nfrom typing import TYPE_CHECKING\n'
    if context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
        pass
        yield '\nfrom .enums import (\n'
        for l_1_enum in context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_1_enum, 'class_name'))
            yield ',\n'
        l_1_enum = missing
        yield ')\nfrom .literals import (\n'
        for l_1_enum in context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_1_enum, 'literal_name'))
            yield ',\n'
        l_1_enum = missing
        yield ')\n'
    yield '\nif TYPE_CHECKING:\n    # What type checkers see: every lazily loaded name with its real type. They never see\n    # __getattr__ below, so a misspelled name is an error, not Any.\n'
    for (l_1_module, l_1_names) in t_1(environment, (undefined(name='lazy') if l_0_lazy is missing else l_0_lazy), 1):
        _loop_vars = {}
        pass
        yield '    from .'
        yield str(l_1_module)
        yield ' import (\n'
        for (l_2_name, l_2__) in l_1_names:
            _loop_vars = {}
            pass
            yield '        '
            yield str(l_2_name)
            yield ',\n'
        l_2_name = l_2__ = missing
        yield '    )\n'
    l_1_module = l_1_names = missing
    yield '\n_LAZY = {\n'
    for (l_1_name, l_1_module) in (undefined(name='lazy') if l_0_lazy is missing else l_0_lazy):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_4(l_1_name))
        yield ': '
        yield str(t_4(l_1_module))
        yield ',\n'
    l_1_name = l_1_module = missing
    yield "}\n# Not here: the clients, their exceptions and paginators. Type-checking them means analysing\n# botocore's stubs, which would double a cold mypy run for code that uses only the types;\n# asking for one of them here says which module to import it from.\n_ELSEWHERE = {\n"
    for (l_1_name, l_1_module) in context.call(environment.getattr((undefined(name='elsewhere') if l_0_elsewhere is missing else l_0_elsewhere), 'items')):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_4(l_1_name))
        yield ': '
        yield str(t_4(l_1_module))
        yield ',\n'
    l_1_name = l_1_module = missing
    yield '}\n\nif not TYPE_CHECKING:\n\n    def __getattr__(name: str) -> object:\n        module = _LAZY.get(name)\n        if module is None:\n            if name in _ELSEWHERE:\n                raise AttributeError(\n                    f"{name} is not at the package root: "\n                    f"import it from {__name__}.{_ELSEWHERE[name]}"\n                )\n            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n        from importlib import import_module\n\n        value = getattr(import_module(f".{module}", __name__), name)\n        globals()[name] = value\n        return value\n\n\ndef __dir__() -> list[str]:\n    """The lazily loaded names too, for dir() and completion in a REPL."""\n    return sorted({*globals(), *_LAZY})\n\n\n__all__ = [\n'
    for l_1_enum in context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_4(environment.getattr(l_1_enum, 'class_name')))
        yield ',\n    '
        yield str(t_4(environment.getattr(l_1_enum, 'literal_name')))
        yield ',\n'
    l_1_enum = missing
    for (l_1_name, l_1__) in (undefined(name='lazy') if l_0_lazy is missing else l_0_lazy):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_4(l_1_name))
        yield ',\n'
    l_1_name = l_1__ = missing
    yield ']\n'

blocks = {}
debug_info = '1=40&2=42&11=44&14=47&15=51&19=55&20=59&28=64&29=68&30=70&31=74&37=80&38=84&45=90&46=94&74=100&75=104&76=106&78=109&79=113'