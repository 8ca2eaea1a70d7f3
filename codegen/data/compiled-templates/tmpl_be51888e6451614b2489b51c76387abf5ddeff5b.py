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
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
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
            def t_2(fiter):
                for l_2_field in fiter:
                    if (t_1(environment.getattr(l_1_model, 'fields')) > 1):
                        yield l_2_field
            for l_2_field in t_2(environment.getattr(l_1_model, 'fields')):
                _loop_vars = {}
                pass
                yield '    @overload\n    def __init__(self, *, '
                yield str(environment.getattr(l_2_field, 'name'))
                yield ': '
                yield str(environment.getattr(l_2_field, 'type'))
                def t_3(fiter):
                    for l_3_other in fiter:
                        if (environment.getattr(l_3_other, 'name') != environment.getattr(l_2_field, 'name')):
                            yield l_3_other
                for l_3_other in t_3(environment.getattr(l_1_model, 'fields')):
                    _loop_vars = {}
                    pass
                    yield ', '
                    yield str(environment.getattr(l_3_other, 'name'))
                    yield ': None = None'
                l_3_other = missing
                yield ') -> None: ...\n'
            l_2_field = missing
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
debug_info = '1=22&2=24&9=26&10=29&13=33&14=35&16=39&17=41&18=43&19=47&21=50&25=52&27=60&31=77&34=81&36=83'