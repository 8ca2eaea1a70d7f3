from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'validation.pyi.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_service = resolve('service')
    l_0_provenance = resolve('provenance')
    l_0_m = missing
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.j2', 'validation.pyi.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield str(context.call(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'header'), (undefined(name='service') if l_0_service is missing else l_0_service), (undefined(name='provenance') if l_0_provenance is missing else l_0_provenance), "validation.py as type checkers see it: its names and signatures without\nthe table of rules, whose every entry a checker would otherwise infer on any\nimport from the package. A test holds the two together (mypy's stubtest)."))
    yield '\n\nfrom typing import Any\n\nfrom ._validator import ValidationError as ValidationError\n\n__all__ = ["UNCHECKED_PATTERNS", "ValidationError", "decode_problem", "shape_pattern", "validate_shape"]\n\nUNCHECKED_PATTERNS: dict[str, str]\n\ndef validate_shape(shape: str, value: Any, path: str = "") -> list[str]: ...\ndef decode_problem(shape: str, value: Any) -> str: ...\ndef shape_pattern(shape: str) -> str: ...\n'

blocks = {}
debug_info = '1=14&2=16'