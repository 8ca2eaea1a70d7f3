from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_client_class.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_m = l_0_client_class = missing
    try:
        t_1 = environment.filters['doc_block']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'doc_block' found.")
    try:
        t_2 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_3 = environment.filters['format']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'format' found.")
    try:
        t_4 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_5 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_7 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', '_client_class.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    def macro(l_1_view, l_1_service, l_1_provenance, l_1_aio):
        t_8 = []
        l_1_op = resolve('op')
        l_1_paginator = resolve('paginator')
        l_1_async = l_1_await = l_1_iterator = l_1_senders = missing
        if l_1_view is missing:
            l_1_view = undefined("parameter 'view' was not provided", name='view')
        if l_1_service is missing:
            l_1_service = undefined("parameter 'service' was not provided", name='service')
        if l_1_provenance is missing:
            l_1_provenance = undefined("parameter 'provenance' was not provided", name='provenance')
        if l_1_aio is missing:
            l_1_aio = undefined("parameter 'aio' was not provided", name='aio')
        pass
        l_1_async = ('async ' if l_1_aio else '')
        l_1_await = ('await ' if l_1_aio else '')
        l_1_iterator = ('AsyncIterator' if l_1_aio else 'Iterator')
        l_1_senders = context.call(environment.getattr(l_1_view, 'senders'))
        t_8.extend((
            'class ',
            str(context.call(environment.getattr(l_1_view, 'class_name'), l_1_aio)),
            '(',
            str(('AsyncClientBase' if l_1_aio else 'ClientBase')),
            '):\n    """Typed ',
        ))
        if l_1_aio:
            pass
            t_8.append(
                'async ',
            )
        t_8.extend((
            'access to the ',
            str(t_2(environment.getattr(l_1_service, 'service_id'))),
            ' operations ',
            str(t_2(t_4(context.eval_ctx, t_6(context, environment.getattr(l_1_view, 'operations'), attribute='name'), ', '))),
            '.\n\n',
        ))
        if l_1_aio:
            pass
            t_8.extend((
                '    Wrap an existing aiobotocore ``',
                str(t_2(environment.getattr(l_1_provenance, 'service_name'))),
                '`` client (it is used, never\n    closed), or let ``async with`` create one and close it on leaving.\n',
            ))
        else:
            pass
            t_8.extend((
                '    Wrap an existing botocore or boto3 ``',
                str(t_2(environment.getattr(l_1_provenance, 'service_name'))),
                '`` client, or let this class\n    build one.\n',
            ))
        t_8.extend((
            '    A client it builds takes ``region_name``, ``endpoint_url``, ``max_attempts``\n    (every attempt, the first included), ``retry_mode``, ``connect_timeout`` and\n    ``read_timeout``, laid over ',
            str(('an ``AioConfig``' if l_1_aio else 'a botocore ``Config``')),
            ' if one is given, and\n    ',
            str(('an aiobotocore' if l_1_aio else 'a botocore')),
            ' ``session``. ``validate=False`` turns the checks before sending\n    off.\n    """\n\n    _TABLES = _TABLES\n    exceptions = _Exceptions\n',
        ))
        for l_2_op in environment.getattr(l_1_view, 'operations'):
            _loop_vars = {}
            pass
            t_8.extend((
                '\n    ',
                str((undefined(name='async') if l_1_async is missing else l_1_async)),
                'def ',
                str(environment.getattr(l_2_op, 'method')),
                '(self',
            ))
            if environment.getattr(l_2_op, 'request_type'):
                pass
                t_8.extend((
                    ', **kwargs: Unpack[',
                    str(environment.getattr(l_2_op, 'request_type')),
                    ']',
                ))
            t_8.extend((
                ') -> ',
                str(environment.getattr(l_2_op, 'response_type')),
                ':\n',
                str(t_1((environment.getattr(l_2_op, 'docs') or environment.getattr(l_2_op, 'name')), 8)),
                '\n        return cast(',
                str(t_7(environment.getattr(l_2_op, 'response_type'))),
                ', ',
                str((undefined(name='await') if l_1_await is missing else l_1_await)),
                'self._call(',
                str(t_7(environment.getattr(l_2_op, 'method'))),
                ', ',
            ))
            if environment.getattr(l_2_op, 'request_type'):
                pass
                t_8.append(
                    'kwargs',
                )
            else:
                pass
                t_8.append(
                    '{}',
                )
            t_8.append(
                '))\n',
            )
        l_2_op = missing
        if (undefined(name='senders') if l_1_senders is missing else l_1_senders):
            pass
            t_8.append(
                '\n    # --- the same operations with dataclasses: request in, response out -----------------------------\n',
            )
            if (t_5((undefined(name='senders') if l_1_senders is missing else l_1_senders)) > 1):
                pass
                for l_2_op in (undefined(name='senders') if l_1_senders is missing else l_1_senders):
                    _loop_vars = {}
                    pass
                    t_8.extend((
                        '\n    @overload\n    ',
                        str((undefined(name='async') if l_1_async is missing else l_1_async)),
                        'def send(self, request: ',
                        str(environment.getattr(l_2_op, 'request_model')),
                        ') -> ',
                        str((environment.getattr(l_2_op, 'response_model') or 'None')),
                        ': ...\n',
                    ))
                l_2_op = missing
                t_8.extend((
                    '\n    ',
                    str((undefined(name='async') if l_1_async is missing else l_1_async)),
                    'def send(self, request: Any) -> Any:\n        """Send a request dataclass; returns the matching response dataclass (None if the operation has none)."""\n        try:\n            method, response_model = _BY_REQUEST[type(request)]\n        except KeyError:\n            raise TypeError(f"not a request of these operations: {type(request).__name__}") from None\n        response = ',
                    str((undefined(name='await') if l_1_await is missing else l_1_await)),
                    'self._call(method, request.to_request_dict())\n        return response_model.from_response_dict(response) if response_model else None\n',
                ))
            else:
                pass
                l_1_op = environment.getitem((undefined(name='senders') if l_1_senders is missing else l_1_senders), 0)
                t_8.extend((
                    '\n    ',
                    str((undefined(name='async') if l_1_async is missing else l_1_async)),
                    'def send(self, request: ',
                    str(environment.getattr((undefined(name='op') if l_1_op is missing else l_1_op), 'request_model')),
                    ') -> ',
                    str((environment.getattr((undefined(name='op') if l_1_op is missing else l_1_op), 'response_model') or 'None')),
                    ':\n        """Send the request dataclass; returns the response dataclass',
                ))
                if (not environment.getattr((undefined(name='op') if l_1_op is missing else l_1_op), 'response_model')):
                    pass
                    t_8.append(
                        ' (the operation has none)',
                    )
                t_8.append(
                    '."""\n',
                )
                if environment.getattr((undefined(name='op') if l_1_op is missing else l_1_op), 'response_model'):
                    pass
                    t_8.extend((
                        '        response = ',
                        str((undefined(name='await') if l_1_await is missing else l_1_await)),
                        'self._call(',
                        str(t_7(environment.getattr((undefined(name='op') if l_1_op is missing else l_1_op), 'method'))),
                        ', request.to_request_dict())\n        return ',
                        str(environment.getattr((undefined(name='op') if l_1_op is missing else l_1_op), 'response_model')),
                        '.from_response_dict(response)\n',
                    ))
                else:
                    pass
                    t_8.extend((
                        '        ',
                        str((undefined(name='await') if l_1_await is missing else l_1_await)),
                        'self._call(',
                        str(t_7(environment.getattr((undefined(name='op') if l_1_op is missing else l_1_op), 'method'))),
                        ', request.to_request_dict())\n',
                    ))
        if environment.getattr(l_1_view, 'paginators'):
            pass
            t_8.append(
                '\n    # --- paginators ------------------------------------------------------------------------------------\n',
            )
            if (t_5(environment.getattr(l_1_view, 'paginators')) > 1):
                pass
                for l_2_paginator in environment.getattr(l_1_view, 'paginators'):
                    _loop_vars = {}
                    pass
                    t_8.extend((
                        '\n    @overload\n    def get_paginator(self, name: Literal[',
                        str(t_7(environment.getattr(l_2_paginator, 'name'))),
                        ']) -> ',
                        str(context.call(environment.getattr(l_2_paginator, 'class_name'), l_1_aio, _loop_vars=_loop_vars)),
                        ': ...\n',
                    ))
                l_2_paginator = missing
                t_8.append(
                    '\n    def get_paginator(self, name: str) -> Any:\n        """A typed paginator, named as boto3 names it."""\n        paginators: dict[str, Any] = { ',
                )
                for l_2_paginator in environment.getattr(l_1_view, 'paginators'):
                    _loop_vars = {}
                    pass
                    t_8.extend((
                        str(t_7(environment.getattr(l_2_paginator, 'name'))),
                        ': ',
                        str(context.call(environment.getattr(l_2_paginator, 'class_name'), l_1_aio, _loop_vars=_loop_vars)),
                        ', ',
                    ))
                l_2_paginator = missing
                t_8.append(
                    ' }\n        if name not in paginators:\n            raise ValueError(f"no paginator {name!r}; there are {\', \'.join(sorted(paginators))}")\n        return paginators[name](self)\n',
                )
            else:
                pass
                l_1_paginator = environment.getitem(environment.getattr(l_1_view, 'paginators'), 0)
                t_8.extend((
                    '\n    def get_paginator(self, name: Literal[',
                    str(t_7(environment.getattr((undefined(name='paginator') if l_1_paginator is missing else l_1_paginator), 'name'))),
                    ']) -> ',
                    str(context.call(environment.getattr((undefined(name='paginator') if l_1_paginator is missing else l_1_paginator), 'class_name'), l_1_aio)),
                    ':\n        """The typed paginator, named as boto3 names it."""\n        if name != ',
                    str(t_7(environment.getattr((undefined(name='paginator') if l_1_paginator is missing else l_1_paginator), 'name'))),
                    ':\n            raise ValueError(f"no paginator {name!r}; there is ',
                    str(environment.getattr((undefined(name='paginator') if l_1_paginator is missing else l_1_paginator), 'name')),
                    '")\n        return ',
                    str(context.call(environment.getattr((undefined(name='paginator') if l_1_paginator is missing else l_1_paginator), 'class_name'), l_1_aio)),
                    '(self)\n',
                ))
        for l_2_waiter in environment.getattr(l_1_view, 'waiters'):
            _loop_vars = {}
            pass
            t_8.extend((
                '\n    ',
                str((undefined(name='async') if l_1_async is missing else l_1_async)),
                'def ',
                str(environment.getattr(l_2_waiter, 'method')),
                '(self, ',
                str(environment.getattr(l_2_waiter, 'name_argument')),
                ': str, *, delay: float = 30.0, max_wait: float = 3600.0,\n                            sleep: ',
                str(('Callable[[float], Awaitable[None]] = asyncio.sleep' if l_1_aio else 'Callable[[float], None] = time.sleep')),
                ') -> ',
                str(environment.getattr(environment.getattr(l_2_waiter, 'operation'), 'response_type')),
                ':\n        """Poll ',
                str(environment.getattr(environment.getattr(l_2_waiter, 'spec'), 'operation')),
                ' every ``delay`` seconds until the job ends.\n\n        Returns the final description when the status is ',
                str(t_4(context.eval_ctx, (environment.getattr(environment.getattr(l_2_waiter, 'spec'), 'success') + environment.getattr(environment.getattr(l_2_waiter, 'spec'), 'stopped')), ' or ')),
                ';\n        raises JobFailedError (with the ',
                str(environment.getattr(environment.getattr(l_2_waiter, 'spec'), 'reason_member')),
                ') on ',
                str(t_4(context.eval_ctx, environment.getattr(environment.getattr(l_2_waiter, 'spec'), 'failure'), ' or ')),
                ',\n        and WaitTimeoutError naming the last status after ``max_wait`` seconds.\n',
            ))
            if l_1_aio:
                pass
                t_8.append(
                    '        Cancelling the task stops the polling at once.\n',
                )
            t_8.extend((
                '        """\n        return cast(',
                str(t_7(environment.getattr(environment.getattr(l_2_waiter, 'operation'), 'response_type'))),
                ', ',
                str((undefined(name='await') if l_1_await is missing else l_1_await)),
                'self._wait(',
                str(t_7(environment.getattr(l_2_waiter, 'method'))),
                ', ',
                str(environment.getattr(l_2_waiter, 'name_argument')),
                ', delay, max_wait, sleep))\n',
            ))
        l_2_waiter = missing
        for l_2_paginator in environment.getattr(l_1_view, 'paginators'):
            _loop_vars = {}
            pass
            t_8.extend((
                '\n\nclass ',
                str(context.call(environment.getattr(l_2_paginator, 'class_name'), l_1_aio, _loop_vars=_loop_vars)),
                ':\n    """Pages of ',
                str(t_2(environment.getattr(environment.getattr(l_2_paginator, 'operation'), 'name'))),
                ', following ',
                str(environment.getattr(l_2_paginator, 'output_token')),
            ))
            if l_1_aio:
                pass
                t_8.append(
                    ', for ``async for``',
                )
            t_8.extend((
                '."""\n\n    def __init__(self, client: ',
                str(context.call(environment.getattr(l_1_view, 'class_name'), l_1_aio, _loop_vars=_loop_vars)),
                ') -> None:\n        self._client = client\n\n    def paginate(self, **kwargs: Unpack[',
                str(environment.getattr(environment.getattr(l_2_paginator, 'operation'), 'request_type')),
                ']) -> ',
                str((undefined(name='iterator') if l_1_iterator is missing else l_1_iterator)),
                '[',
                str(environment.getattr(environment.getattr(l_2_paginator, 'operation'), 'response_type')),
                ']:\n        """Every page, starting from ``',
                str(environment.getattr(l_2_paginator, 'input_token')),
                '`` if given."""\n        return cast(',
                str(t_7(t_3('%s[%s]', (undefined(name='iterator') if l_1_iterator is missing else l_1_iterator), environment.getattr(environment.getattr(l_2_paginator, 'operation'), 'response_type')))),
                ', self._client._pages(',
                str(t_7(environment.getattr(l_2_paginator, 'name'))),
                ', kwargs))\n\n    def items(self, **kwargs: Unpack[',
                str(environment.getattr(environment.getattr(l_2_paginator, 'operation'), 'request_type')),
                ']) -> ',
                str((undefined(name='iterator') if l_1_iterator is missing else l_1_iterator)),
                '[',
                str(environment.getattr(l_2_paginator, 'item_type')),
                ']:\n        """Every item of ``',
                str(environment.getattr(l_2_paginator, 'result_key')),
                '``, across all pages."""\n',
            ))
            if (environment.getattr(l_2_paginator, 'item_type') == 'Any'):
                pass
                t_8.extend((
                    '        return self._client._items(',
                    str(t_7(environment.getattr(l_2_paginator, 'name'))),
                    ', kwargs)\n',
                ))
            else:
                pass
                t_8.extend((
                    '        return cast(',
                    str(t_7(t_3('%s[%s]', (undefined(name='iterator') if l_1_iterator is missing else l_1_iterator), environment.getattr(l_2_paginator, 'item_type')))),
                    ', self._client._items(',
                    str(t_7(environment.getattr(l_2_paginator, 'name'))),
                    ', kwargs))\n',
                ))
        l_2_paginator = missing
        return concat(t_8)
    context.exported_vars.add('client_class')
    context.vars['client_class'] = l_0_client_class = Macro(environment, macro, 'client_class', ('view', 'service', 'provenance', 'aio'), False, False, False, context.eval_ctx.autoescape)

blocks = {}
debug_info = '3=54&4=56&5=70&6=71&7=72&8=73&9=76&10=81&12=93&13=97&16=104&21=109&22=111&28=114&30=119&31=135&33=137&36=158&39=163&40=165&43=170&46=180&52=182&55=187&57=190&58=197&59=205&60=209&61=213&63=220&67=225&70=230&71=232&74=237&79=246&84=261&86=264&88=268&89=270&90=272&93=275&95=280&96=286&97=290&99=292&100=294&102=299&106=306&108=316&111=321&112=323&114=334&117=336&118=342&119=344&121=348&122=354&123=357&124=361&126=368'