from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'client.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_service = resolve('service')
    l_0_provenance = resolve('provenance')
    l_0_view = resolve('view')
    l_0_m = l_0_c = missing
    try:
        t_1 = environment.filters['doc_block']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'doc_block' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', 'client.py.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_c = context.vars['c'] = environment.get_template('_client_class.j2', 'client.py.j2')._get_default_module(context)
    context.exported_vars.discard('c')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), str_join(('A thin typed client over a real botocore ', environment.getattr((undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), 'service_name'), " client.\n\nEach method passes its keyword arguments straight to botocore and returns\nbotocore's response untouched, typed with the TypedDicts of this package.\nBefore sending, the request is checked against the model's constraints\n(``validate=True``, the default): a bad enum value, an over-long name or a\ntagged union with two members never reaches the network. Errors the model\ndeclares become typed exceptions with botocore's ClientError as __cause__.\nA request using an operation or member the installed botocore does not know\nraises BotocoreVersionError, naming it, before anything is sent.\n\nThis module, ``aio`` and their bases are the only ones that import botocore;\n``aio`` shares this module's exceptions and tables.", ))))
    yield '\n\nfrom __future__ import annotations\n\n'
    for l_1_line in context.call(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'imports'), aio=False):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\n__all__ = [\n'
    for l_1_name in context.call(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'public_names'), aio=False):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_3(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n\n# The base of every exception this client raises (JobFailedError and WaitTimeoutError too).\n'
    yield str(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'error_class'))
    yield ' = ServiceError\n'
    for l_1_error in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'errors'):
        _loop_vars = {}
        pass
        yield '\n\nclass '
        yield str(environment.getattr(l_1_error, 'class_name'))
        yield '(ServiceError):\n'
        yield str(t_1(environment.getattr(l_1_error, 'docs'), 4))
        yield '\n'
    l_1_error = missing
    yield '\n\nclass _Exceptions:\n    """``client.exceptions.ResourceNotFound`` and friends, as in boto3."""\n\n    '
    yield str(environment.getattr((undefined(name='service') if l_0_service is missing else l_0_service), 'error_class'))
    yield ' = ServiceError\n'
    for l_1_error in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'errors'):
        _loop_vars = {}
        pass
        yield '    '
        yield str(environment.getattr(l_1_error, 'class_name'))
        yield ' = '
        yield str(environment.getattr(l_1_error, 'class_name'))
        yield '\n'
    l_1_error = missing
    yield '\n\n# What both clients know of the model: method -> (operation, request shape), error code -> exception,\n# how each paginator pages and what each waiter polls.\n_TABLES = ClientTables(\n    service='
    yield str(t_3(environment.getattr((undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), 'service_name')))
    yield ',\n    operations={\n'
    for l_1_op in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'operations'):
        _loop_vars = {}
        pass
        yield '        '
        yield str(t_3(environment.getattr(l_1_op, 'method')))
        yield ': ('
        yield str(t_3(environment.getattr(l_1_op, 'name')))
        yield ', '
        yield str(t_3(environment.getattr(l_1_op, 'request_shape')))
        yield '),\n'
    l_1_op = missing
    yield '    },\n    errors={\n'
    for l_1_error in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'errors'):
        _loop_vars = {}
        pass
        yield '        '
        yield str(t_3(environment.getattr(l_1_error, 'code')))
        yield ': '
        yield str(environment.getattr(l_1_error, 'class_name'))
        yield ',\n'
    l_1_error = missing
    yield '    },\n    validate=validate_shape,\n    paginators={\n'
    for l_1_paginator in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'paginators'):
        _loop_vars = {}
        pass
        yield '        '
        yield str(t_3(environment.getattr(l_1_paginator, 'name')))
        yield ': PageSpec('
        yield str(t_3(environment.getattr(l_1_paginator, 'input_token')))
        yield ', '
        yield str(t_3(environment.getattr(l_1_paginator, 'output_token')))
        yield ', '
        yield str(t_3(environment.getattr(l_1_paginator, 'result_key')))
        yield '),\n'
    l_1_paginator = missing
    yield '    },\n    waiters={\n'
    for l_1_waiter in environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'waiters'):
        _loop_vars = {}
        pass
        yield '        '
        yield str(t_3(environment.getattr(l_1_waiter, 'method')))
        yield ': WaitSpec('
        yield str(t_3(environment.getattr(environment.getattr(l_1_waiter, 'operation'), 'method')))
        yield ', '
        yield str(t_3(environment.getattr(environment.getattr(l_1_waiter, 'spec'), 'name_member')))
        yield ', '
        yield str(t_3(environment.getattr(environment.getattr(l_1_waiter, 'spec'), 'status_member')))
        yield ', '
        yield str(t_3(environment.getattr(environment.getattr(l_1_waiter, 'spec'), 'reason_member')))
        yield ', '
        yield str(t_3((environment.getattr(environment.getattr(l_1_waiter, 'spec'), 'success') + environment.getattr(environment.getattr(l_1_waiter, 'spec'), 'stopped'))))
        yield ', '
        yield str(t_3(environment.getattr(environment.getattr(l_1_waiter, 'spec'), 'failure')))
        yield '),\n'
    l_1_waiter = missing
    yield '    },\n    generated_from=BOTOCORE_VERSION,\n    oldest_botocore=OLDEST_BOTOCORE,\n)\n\n\n'
    yield str(context.call(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'client_class'), (undefined(name='view') if l_0_view is missing else l_0_view), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), aio=False))
    yield '\n'
    if (t_2(context.call(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'senders'))) > 1):
        pass
        yield '\n\n_BY_REQUEST: dict[type, tuple[str, Any]] = {\n'
        for l_1_op in context.call(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'senders')):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_1_op, 'request_model'))
            yield ': ('
            yield str(t_3(environment.getattr(l_1_op, 'method')))
            yield ', '
            yield str((environment.getattr(l_1_op, 'response_model') or 'None'))
            yield '),\n'
        l_1_op = missing
        yield '}\n'

blocks = {}
debug_info = '1=33&2=35&3=37&19=39&20=42&24=46&25=50&30=54&31=56&34=60&35=62&42=66&43=68&44=72&51=78&53=80&54=84&58=92&59=96&64=102&65=106&69=116&70=120&78=136&79=138&83=141&84=145'