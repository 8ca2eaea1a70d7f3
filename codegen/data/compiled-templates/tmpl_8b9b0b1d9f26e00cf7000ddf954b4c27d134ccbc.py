from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'validation.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_service = resolve('service')
    l_0_provenance = resolve('provenance')
    l_0_validator_imports = resolve('validator_imports')
    l_0_unchecked_patterns = resolve('unchecked_patterns')
    l_0_table = resolve('table')
    l_0_secret_shapes = resolve('secret_shapes')
    l_0_secret_members = resolve('secret_members')
    l_0_response_optional_members = resolve('response_optional_members')
    l_0_translated_patterns = resolve('translated_patterns')
    l_0_m = missing
    try:
        t_1 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', 'validation.py.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), "Validation of request values against the model's constraints.\n\nbotocore checks required members, types and minimums; it does not check\nmaximum lengths and sizes, numeric maximums, patterns, enum membership or\nthat a tagged union has exactly one member. This module checks all of them\nand returns every problem, each naming the path of the bad value, e.g.\n``AutoMLJobInputDataConfig[0].ChannelType: 'train' is not one of 'training',\n'validation'``. An empty list means the value is valid.\n\nPatterns are matched against the whole value, as AWS does. They were written\nfor Java's regex engine; the generator translated Unicode categories\n(``\\p{L}``...), POSIX classes (``\\p{Alnum}``...) and surrogate-pair ranges\ninto Python syntax. Shapes whose pattern could not be translated, or whose\npattern no string within their length bounds can match (a contradiction in the\nmodel, which the service cannot be enforcing), are listed in UNCHECKED_PATTERNS\nand only their other constraints are checked."))
    yield '\n\nfrom __future__ import annotations\n\nfrom ._validator import (\n'
    for l_1_name in (undefined(name='validator_imports') if l_0_validator_imports is missing else l_0_validator_imports):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_name)
        yield ',\n'
    l_1_name = missing
    yield ')\n\n__all__ = ["UNCHECKED_PATTERNS", "ValidationError", "decode_problem", "shape_pattern", "validate_shape"]\n\nUNCHECKED_PATTERNS: dict[str, str] = {\n'
    for (l_1_shape, l_1_pattern) in (undefined(name='unchecked_patterns') if l_0_unchecked_patterns is missing else l_0_unchecked_patterns):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_1(l_1_shape))
        yield ': '
        yield str(t_1(l_1_pattern))
        yield ',\n'
    l_1_shape = l_1_pattern = missing
    yield '}\n\n_VALIDATOR = Validator(\n    {\n'
    for (l_1_name, l_1_rule) in context.call(environment.getattr((undefined(name='table') if l_0_table is missing else l_0_table), 'items')):
        _loop_vars = {}
        pass
        yield '        '
        yield str(t_1(l_1_name))
        yield ': '
        yield str(t_1(l_1_rule))
        yield ',\n'
    l_1_name = l_1_rule = missing
    yield '    },\n    # Sensitive shapes, and structure members marked sensitive: no message shows their values\n    # (nor anything inside them), whatever constraint they break.\n    secret_shapes=frozenset({\n'
    for l_1_name in (undefined(name='secret_shapes') if l_0_secret_shapes is missing else l_0_secret_shapes):
        _loop_vars = {}
        pass
        yield '        '
        yield str(t_1(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield '    }),\n    secret_members=frozenset({\n'
    for (l_1_structure, l_1_member) in (undefined(name='secret_members') if l_0_secret_members is missing else l_0_secret_members):
        _loop_vars = {}
        pass
        yield '        ('
        yield str(t_1(l_1_structure))
        yield ', '
        yield str(t_1(l_1_member))
        yield '),\n'
    l_1_structure = l_1_member = missing
    yield '    }),\n    # Required in requests, but known to be left out of responses (codegen/model/response_overrides.py).\n    optional_in_responses=frozenset({\n'
    for (l_1_structure, l_1_member) in (undefined(name='response_optional_members') if l_0_response_optional_members is missing else l_0_response_optional_members):
        _loop_vars = {}
        pass
        yield '        ('
        yield str(t_1(l_1_structure))
        yield ', '
        yield str(t_1(l_1_member))
        yield '),\n'
    l_1_structure = l_1_member = missing
    yield '    }),\n    # Model patterns that differ from their Python translation, for messages.\n    model_patterns={\n'
    for (l_1_shape, l_1_pattern) in (undefined(name='translated_patterns') if l_0_translated_patterns is missing else l_0_translated_patterns):
        _loop_vars = {}
        pass
        yield '        '
        yield str(t_1(l_1_shape))
        yield ': '
        yield str(t_1(l_1_pattern))
        yield ',\n'
    l_1_shape = l_1_pattern = missing
    yield '    },\n)\nvalidate_shape = _VALIDATOR.validate_shape\ndecode_problem = _VALIDATOR.decode_problem\nshape_pattern = _VALIDATOR.shape_pattern\n'

blocks = {}
debug_info = '1=27&2=29&22=31&23=35&30=39&31=43&37=49&38=53&44=59&45=63&49=67&50=71&55=77&56=81&61=87&62=91'