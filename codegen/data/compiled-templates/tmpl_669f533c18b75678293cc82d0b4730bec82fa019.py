from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'models.py.j2'

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
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', 'models.py.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), 'Dataclasses for every structure, with exact conversion to and from the wire format.\n\nField names are boto3\'s snake_case; each field\'s wire name is written out\nbelow, so nothing is case-converted at run time (acronyms such as AutoML\nsurvive a round trip). ``from_response_dict`` ignores keys it does not know\n(ResponseMetadata, members added to the API later), keeps enum values it does\nnot know as plain strings and union members it does not know as\n``UnknownVariant``. ``to_request_dict`` returns exactly the wire dict: None\nfields are left out, False, 0, "" and empty lists are kept.'))
    yield '\n\nfrom __future__ import annotations\n\n'
    for l_1_line in (undefined(name='imports') if l_0_imports is missing else l_0_imports):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\n'
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'model_all'), (undefined(name='models') if l_0_models is missing else l_0_models)))
    yield '\n'
    for l_1_enum in context.call(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'enums')):
        _loop_vars = {}
        pass
        yield '_'
        yield str(environment.getattr(l_1_enum, 'class_name'))
        yield '_BY_VALUE = by_value('
        yield str(environment.getattr(l_1_enum, 'class_name'))
        yield ')\n'
    l_1_enum = missing
    l_1_loop = missing
    for l_1_model, l_1_loop in LoopContext((undefined(name='models') if l_0_models is missing else l_0_models), undefined):
        _loop_vars = {}
        pass
        yield '\n\n'
        yield str(environment.getattr(l_1_model, 'decorator'))
        yield '\nclass '
        yield str(environment.getattr(l_1_model, 'name'))
        yield ':\n'
        yield str(t_1(environment.getattr(l_1_model, 'docs'), 4))
        yield '\n'
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            _loop_vars = {}
            pass
            yield '\n    '
            yield str(environment.getattr(l_2_field, 'declaration'))
            yield '\n'
            yield str(t_1(environment.getattr(l_2_field, 'docs'), 4))
        l_2_field = missing
        if environment.getattr(l_1_model, 'is_union'):
            pass
            yield '\n    def __post_init__(self) -> None:\n        exactly_one(\n            '
            yield str(t_2(environment.getattr(l_1_model, 'shape')))
            yield ',\n            ('
            for l_2_field in environment.getattr(l_1_model, 'fields'):
                _loop_vars = {}
                pass
                yield '('
                yield str(t_2(environment.getattr(l_2_field, 'wire_name')))
                yield ', self.'
                yield str(environment.getattr(l_2_field, 'name'))
                yield '), '
            l_2_field = missing
            yield '),\n        )\n'
        if environment.getattr(l_1_model, 'any_sensitive'):
            pass
            yield '\n    def __repr__(self) -> str:\n        """Sensitive fields show as \'***\'."""\n        return (\n            "'
            yield str(environment.getattr(l_1_model, 'name'))
            yield '("\n'
            l_2_loop = missing
            for l_2_field, l_2_loop in LoopContext(environment.getattr(l_1_model, 'fields'), undefined):
                _loop_vars = {}
                pass
                yield '            f"'
                yield str(environment.getattr(l_2_field, 'name'))
                yield '='
                if environment.getattr(l_2_field, 'sensitive'):
                    pass
                    yield '{masked(self.'
                    yield str(environment.getattr(l_2_field, 'name'))
                    yield ')}'
                else:
                    pass
                    yield '{self.'
                    yield str(environment.getattr(l_2_field, 'name'))
                    yield '!r}'
                if (not environment.getattr(l_2_loop, 'last')):
                    pass
                    yield ', '
                yield '"\n'
            l_2_loop = l_2_field = missing
            yield '            ")"\n        )\n'
        yield '\n    def to_request_dict(self) -> '
        yield str(environment.getattr(l_1_model, 'request_type'))
        yield ':\n        """The wire dict: None fields left out, every other value kept."""\n        d: dict[str, Any] = {}\n'
        if environment.getattr(l_1_model, 'fields'):
            pass
            yield '        v: Any\n'
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            _loop_vars = {}
            pass
            if environment.getattr(l_2_field, 'required'):
                pass
                yield '        v = self.'
                yield str(environment.getattr(l_2_field, 'name'))
                yield '\n        d['
                yield str(t_2(environment.getattr(l_2_field, 'wire_name')))
                yield '] = '
                yield str(environment.getattr(l_2_field, 'encode'))
                yield '\n'
            else:
                pass
                yield '        v = self.'
                yield str(environment.getattr(l_2_field, 'name'))
                yield '\n        if v is not None:\n            d['
                yield str(t_2(environment.getattr(l_2_field, 'wire_name')))
                yield '] = '
                yield str(environment.getattr(l_2_field, 'encode'))
                yield '\n'
        l_2_field = missing
        yield '        return '
        if environment.getattr(l_1_model, 'request_typed_dict'):
            pass
            yield 'cast('
            yield str(t_2(environment.getattr(l_1_model, 'request_typed_dict')))
            yield ', d)'
        else:
            pass
            yield 'd'
        yield '\n    @classmethod\n    def from_response_dict(cls, d: Mapping[str, Any]) -> '
        yield str(environment.getattr(l_1_model, 'decoded_type'))
        yield ':\n        """Decode a botocore response or any wire dict; unknown keys are ignored.\n\n        A value of the wrong type, or a required key missing, raises ValueError naming its path.\n        """\n        try:\n'
        if environment.getattr(l_1_model, 'is_union'):
            pass
            yield '            if not isinstance(d, Mapping):\n                wrong(d)\n            if not any(key in d for key in ('
            for l_2_field in environment.getattr(l_1_model, 'fields'):
                _loop_vars = {}
                pass
                yield str(t_2(environment.getattr(l_2_field, 'wire_name')))
                yield ', '
            l_2_field = missing
            yield ')):\n                return UnknownVariant.from_wire('
            yield str(t_2(environment.getattr(l_1_model, 'shape')))
            yield ', d)\n'
        def t_3(fiter):
            for l_2_field in fiter:
                if environment.getattr(l_2_field, 'required'):
                    yield l_2_field
        l_2_loop = missing
        for l_2_field, l_2_loop in LoopContext(t_3(environment.getattr(l_1_model, 'fields')), undefined):
            _loop_vars = {}
            pass
            yield '            v = d['
            yield str(t_2(environment.getattr(l_2_field, 'wire_name')))
            yield ']\n            f'
            yield str(environment.getattr(l_2_loop, 'index0'))
            yield ' = '
            yield str(environment.getattr(l_2_field, 'decode'))
            yield '\n'
        l_2_loop = l_2_field = missing
        def t_4(fiter):
            for l_2_field in fiter:
                if (not environment.getattr(l_2_field, 'required')):
                    yield l_2_field
        l_2_loop = missing
        for l_2_field, l_2_loop in LoopContext(t_4(environment.getattr(l_1_model, 'fields')), undefined):
            _loop_vars = {}
            pass
            yield '            v = d.get('
            yield str(t_2(environment.getattr(l_2_field, 'wire_name')))
            yield ')\n            o'
            yield str(environment.getattr(l_2_loop, 'index0'))
            yield ' = None if v is None else '
            yield str(environment.getattr(l_2_field, 'decode'))
            yield '\n'
        l_2_loop = l_2_field = missing
        yield '            return cls(\n'
        def t_5(fiter):
            for l_2_field in fiter:
                if environment.getattr(l_2_field, 'required'):
                    yield l_2_field
        l_2_loop = missing
        for l_2_field, l_2_loop in LoopContext(t_5(environment.getattr(l_1_model, 'fields')), undefined):
            _loop_vars = {}
            pass
            yield '                '
            yield str(environment.getattr(l_2_field, 'name'))
            yield '=f'
            yield str(environment.getattr(l_2_loop, 'index0'))
            yield ',\n'
        l_2_loop = l_2_field = missing
        def t_6(fiter):
            for l_2_field in fiter:
                if (not environment.getattr(l_2_field, 'required')):
                    yield l_2_field
        l_2_loop = missing
        for l_2_field, l_2_loop in LoopContext(t_6(environment.getattr(l_1_model, 'fields')), undefined):
            _loop_vars = {}
            pass
            yield '                '
            yield str(environment.getattr(l_2_field, 'name'))
            yield '=o'
            yield str(environment.getattr(l_2_loop, 'index0'))
            yield ',\n'
        l_2_loop = l_2_field = missing
        yield '            )\n        except (TypeError, ValueError, AttributeError, KeyError):\n            raise ValueError(decode_problem('
        yield str(t_2(environment.getattr(l_1_model, 'shape')))
        yield ', d)) from None\n\n    def validate(self) -> list[str]:\n        """Every constraint this value breaks, as \'path: problem\' (empty: valid)."""\n        return validate_shape('
        yield str(t_2(environment.getattr(l_1_model, 'shape')))
        yield ', self.to_request_dict())\n'
    l_1_loop = l_1_model = missing

blocks = {}
debug_info = '1=28&2=30&14=32&15=35&18=39&19=41&20=45&22=51&25=55&26=57&27=59&28=61&30=65&31=67&33=69&37=72&38=74&41=84&46=87&47=90&48=94&54=113&57=115&59=118&60=121&61=124&62=126&64=133&66=135&69=141&72=150&78=152&81=155&82=162&84=164&85=173&86=175&88=180&89=189&90=191&93=197&94=206&96=211&97=220&101=226&105=228'