"""`/schema`: the API documentation as a plain page of ours, and `/schema/openapi.json`.

Litestar's documentation UIs (Swagger, Redoc, Scalar, …) load their scripts and styles from a CDN,
which the portal's CSP (`script-src 'self'`, no inline script) blocks, and the portal downloads
nothing at run time. So `/schema` renders the OpenAPI document itself as a server-side page in
the site's style — every path, its parameters and responses — and the JSON is one link away.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.openapi.plugins import JsonRenderPlugin, OpenAPIRenderPlugin

from portal import i18n
from portal.rendering import chrome, environment


class ApiDocsPlugin(OpenAPIRenderPlugin):
    def __init__(self) -> None:
        super().__init__(path="/")

    def render(self, request: Request, openapi_schema: dict[str, Any]) -> bytes:
        lang = i18n.choose(request.query_params.get("lang"), request.cookies.get(i18n.COOKIE)) or i18n.DEFAULT_LANG
        context = {
            **chrome(request, lang),
            "title": i18n.t(lang, "api.docs"),
            "json_url": "/schema/openapi.json",
            "info": openapi_schema.get("info", {}),
            "operations": operations(openapi_schema),
        }
        return environment().get_template("apidocs.html").render(context).encode("utf-8")


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Each (method, path) with its summary, parameters and response codes, in path order."""
    out = []
    for path, item in sorted(schema.get("paths", {}).items()):
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            params = []
            for param in op.get("parameters", []):
                spec = param.get("schema", {})
                params.append(
                    {
                        "name": param.get("name", ""),
                        "in": param.get("in", ""),
                        "required": bool(param.get("required")),
                        "type": _type(spec, schema),
                        "description": param.get("description") or spec.get("description") or "",
                    }
                )
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": params,
                    "responses": sorted(op.get("responses", {})),
                }
            )
    return out


def _type(spec: dict[str, Any], schema: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        target = schema.get("components", {}).get("schemas", {}).get(name, {})
        return " | ".join(map(str, target.get("enum", []))) or name
    if "oneOf" in spec:
        return " or ".join(_type(s, schema) for s in spec["oneOf"] if s.get("type") != "null")
    if spec.get("type") == "array":
        return f"{_type(spec.get('items', {}), schema)}, repeatable"
    if "enum" in spec:
        return " | ".join(map(str, spec["enum"]))
    kind = str(spec.get("type", ""))
    if "minimum" in spec or "maximum" in spec:
        kind += f" {spec.get('minimum', '')}-{spec.get('maximum', '')}".replace(".0", "")
    if "maxLength" in spec:
        kind += f" ≤ {spec['maxLength']} chars"
    return kind


def render_plugins() -> list[OpenAPIRenderPlugin]:
    return [ApiDocsPlugin(), JsonRenderPlugin(path="/openapi.json")]
