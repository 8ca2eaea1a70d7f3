from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'aio.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_service = resolve('service')
    l_0_provenance = resolve('provenance')
    l_0_package = resolve('package')
    l_0_view = resolve('view')
    l_0_m = l_0_c = missing
    try:
        t_1 = environment.filters['pyrepr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pyrepr' found.")
    try:
        t_2 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', 'aio.py.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_c = context.vars['c'] = environment.get_template('_client_class.j2', 'aio.py.j2')._get_default_module(context)
    context.exported_vars.discard('c')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), str_join(('A thin typed async client over a real aiobotocore ', environment.getattr((undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), 'service_name'), " client.\n\nThe async twin of ``client``: the same methods, each a coroutine, with the\nsame typed keyword arguments and responses, the same validation before sending\nand the same exceptions (this module re-exports them), async paginators\n(``async for``) and waiters that sleep with ``asyncio.sleep`` and stop when\ntheir task is cancelled.\n\naiobotocore is an extra: ``pip install '", t_2(context.eval_ctx, (undefined(name='package') if l_0_package is missing else l_0_package), '_', '-'), "[aio]'``.", ))))
    yield '\n\nfrom __future__ import annotations\n\n'
    for l_1_line in context.call(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'imports'), aio=True):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield '\n__all__ = [\n'
    for l_1_name in context.call(environment.getattr((undefined(name='view') if l_0_view is missing else l_0_view), 'public_names'), aio=True):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_1(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n\n\n'
    yield str(context.call(environment.getattr((undefined(name='c') if l_0_c is missing else l_0_c), 'client_class'), (undefined(name='view') if l_0_view is missing else l_0_view), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), aio=True))
    yield '\n'

blocks = {}
debug_info = '1=28&2=30&3=32&15=34&16=37&20=41&21=45&26=49'