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
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), 'Dataclasses for every structure, with exact conversion to and from the wire format.\n\nField names are boto3\'s snake_case. Each class\'s wire table, at the end of\nthe module, writes out its fields\' wire names (nothing is case-converted at\nrun time: acronyms such as AutoML survive a round trip) and their codecs,\nwhich the base classes in _runtime.py interpret. ``from_response_dict``\nignores keys it does not know (ResponseMetadata, members added to the API\nlater), keeps enum values it does not know as plain strings and union members\nit does not know as ``UnknownVariant``. ``to_request_dict`` returns exactly\nthe wire dict: None fields are left out, False, 0, "" and empty lists are\nkept.'))
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
    for l_1_model in (undefined(name='models') if l_0_models is missing else l_0_models):
        _loop_vars = {}
        pass
        yield '\n\n'
        yield str(environment.getattr(l_1_model, 'decorator'))
        yield '\nclass '
        yield str(environment.getattr(l_1_model, 'name'))
        yield '('
        yield str(environment.getattr(l_1_model, 'base'))
        yield '):\n'
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
    l_1_model = missing
    yield "\n\n# Each class's wire table: its fields' wire names and codecs, in the order of its fields.\n_tables = WireTables(validate_shape, decode_problem)\n"
    for l_1_model in (undefined(name='models') if l_0_models is missing else l_0_models):
        _loop_vars = {}
        pass
        yield '_tables.add(\n    '
        yield str(environment.getattr(l_1_model, 'name'))
        yield ',\n    '
        yield str(t_2(environment.getattr(l_1_model, 'shape')))
        yield ',\n'
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_2_field, 'table_entry'))
            yield ',\n'
        l_2_field = missing
        yield ')\n'
    l_1_model = missing

blocks = {}
debug_info = '1=28&2=30&16=32&17=35&20=39&21=41&24=45&25=47&26=51&27=53&29=57&30=59&37=63&39=67&40=69&41=71&42=75'