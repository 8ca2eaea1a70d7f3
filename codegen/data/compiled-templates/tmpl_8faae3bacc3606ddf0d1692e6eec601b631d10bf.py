from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'type_defs.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_service = resolve('service')
    l_0_provenance = resolve('provenance')
    l_0_imports = resolve('imports')
    l_0_items = resolve('items')
    l_0_m = missing
    try:
        t_1 = environment.filters['comment']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'comment' found.")
    try:
        t_2 = environment.filters['doc_block']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'doc_block' found.")
    try:
        t_3 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', 'type_defs.py.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), "TypedDicts for every structure the selected operations reach.\n\nXTypeDef is what you may send; XOutputTypeDef (only where the two differ) is\nwhat botocore returns. Wherever a value is sent, both are accepted (the key or\nparameter is Union[XTypeDef, XOutputTypeDef]), so a returned value goes back\ninto a request as it is. Tagged unions are unions of single-key TypedDicts, so\nexactly one key must be set. The model's TypedDicts are closed (PEP 728): a key\nthe model does not have is an error even in a dict that arrives through a\nvariable, and a `'Key' in value` test narrows a union exactly."))
    yield '\n\n'
    for l_1_line in (undefined(name='imports') if l_0_imports is missing else l_0_imports):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\n__all__ = [\n    "ResponseMetadataTypeDef",\n    "EmptyResponseMetadataTypeDef",\n'
    for l_1_item in (undefined(name='items') if l_0_items is missing else l_0_items):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_3(environment.getattr(l_1_item, 'name')))
        yield ',\n'
    l_1_item = missing
    yield ']\n\n\nclass ResponseMetadataTypeDef(TypedDict):\n    """Request id, HTTP status and headers, and retry count, added by botocore to every response."""\n\n    RequestId: str\n    HTTPStatusCode: int\n    HTTPHeaders: dict[str, str]\n    RetryAttempts: int\n    HostId: NotRequired[str]\n\n\nclass EmptyResponseMetadataTypeDef(TypedDict):\n    """The response of an operation that returns no data: only botocore\'s metadata."""\n\n    ResponseMetadata: ResponseMetadataTypeDef\n'
    l_1_loop = missing
    for l_1_item, l_1_loop in LoopContext((undefined(name='items') if l_0_items is missing else l_0_items), undefined):
        _loop_vars = {}
        pass
        yield '\n\n'
        if environment.getattr(l_1_item, 'is_union'):
            pass
            yield str(environment.getattr(l_1_item, 'name'))
            yield ' = Union['
            for l_2_variant in environment.getattr(l_1_item, 'variants'):
                _loop_vars = {}
                pass
                yield str(l_2_variant)
                yield ', '
            l_2_variant = missing
            yield ']\n'
            yield str(t_2(environment.getattr(l_1_item, 'docs')))
        elif environment.getattr(l_1_item, 'functional'):
            pass
            yield str(environment.getattr(l_1_item, 'name'))
            yield ' = TypedDict(\n    '
            yield str(t_3(environment.getattr(l_1_item, 'name')))
            yield ',\n    {\n'
            for l_2_key in environment.getattr(l_1_item, 'keys'):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_key, 'docs'):
                    pass
                    for l_3_line in t_1(environment.getattr(l_2_key, 'docs')):
                        _loop_vars = {}
                        pass
                        yield '        # '
                        yield str(l_3_line)
                        yield '\n'
                    l_3_line = missing
                yield '        '
                yield str(t_3(environment.getattr(l_2_key, 'name')))
                yield ': '
                yield str(environment.getattr(l_2_key, 'annotation'))
                yield ',\n'
            l_2_key = missing
            yield '    },\n    closed=True,\n)\n'
            yield str(t_2(environment.getattr(l_1_item, 'docs')))
        else:
            pass
            yield 'class '
            yield str(environment.getattr(l_1_item, 'name'))
            yield '(TypedDict, closed=True):\n'
            yield str(t_2(environment.getattr(l_1_item, 'docs'), 4))
            yield '\n'
            l_2_loop = missing
            for l_2_key, l_2_loop in LoopContext(environment.getattr(l_1_item, 'keys'), undefined):
                l_2_whole_assignment = resolve('whole_assignment')
                _loop_vars = {}
                pass
                if ((environment.getattr(l_2_loop, 'first') or environment.getattr(l_2_key, 'docs')) or environment.getattr(environment.getattr(l_2_loop, 'previtem'), 'docs')):
                    pass
                    yield '\n'
                yield '    '
                yield str(context.call((undefined(name='whole_assignment') if l_2_whole_assignment is missing else l_2_whole_assignment), environment.getattr(l_2_key, 'name'), environment.getattr(l_2_key, 'annotation'), 4, ': ', _loop_vars=_loop_vars))
                yield '\n'
                yield str(t_2(environment.getattr(l_2_key, 'docs'), 4))
            l_2_loop = l_2_key = l_2_whole_assignment = missing
    l_1_loop = l_1_item = missing

blocks = {}
debug_info = '1=34&2=36&12=38&13=41&19=45&20=49&39=54&42=58&43=60&44=69&45=70&46=72&47=74&49=76&50=79&51=81&52=85&55=89&60=95&62=99&63=101&64=104&66=108&69=112&70=114'