from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models.pyi.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_service = resolve('service')
    l_0_provenance = resolve('provenance')
    l_0_imports = resolve('imports')
    l_0_models = resolve('models')
    l_0_m = missing
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', 'models.pyi.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), "The dataclasses of models.py as type checkers see them.\n\nA checker reads this stub instead of models.py, so checking an application\nthat uses the package never type-checks the conversion code of every\nstructure (mypy spent most of its time there). The classes, fields and\nsignatures are models.py's: a test holds the two together (mypy's stubtest)."))
    yield '\n\n'
    for l_1_line in (undefined(name='imports') if l_0_imports is missing else l_0_imports):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\n'
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'model_all'), (undefined(name='models') if l_0_models is missing else l_0_models)))
    yield '\n'
    for l_1_model in (undefined(name='models') if l_0_models is missing else l_0_models):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(environment.getattr(l_1_model, 'decorator'))
        yield '\nclass '
        yield str(environment.getattr(l_1_model, 'name'))
        yield ':\n'
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_2_field, 'declaration'))
            yield '\n'
        l_2_field = missing
        if environment.getattr(l_1_model, 'is_union'):
            pass
            yield '    def __post_init__(self) -> None: ...\n'
        if environment.getattr(l_1_model, 'any_sensitive'):
            pass
            yield '    def __repr__(self) -> str: ...\n'
        yield '    def to_request_dict(self) -> '
        yield str(environment.getattr(l_1_model, 'request_type'))
        yield ': ...\n    @classmethod\n    def from_response_dict(cls, d: Mapping[str, Any]) -> '
        yield str(environment.getattr(l_1_model, 'decoded_type'))
        yield ': ...\n    def validate(self) -> list[str]: ...\n'
    l_1_model = missing

blocks = {}
debug_info = '1=16&2=18&9=20&10=23&13=27&14=29&16=33&17=35&18=37&19=41&21=44&24=47&27=51&29=53'