"""Errors as a reader sees them: HTML pages for the browser's routes, FastAPI's JSON for `/api` and the OpenAPI document."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .templating import page

LOGGER = logging.getLogger(__name__)
HEADINGS = {400: "طلب غير صالح", 401: "الدخول مطلوب", 403: "غير مسموح", 404: "غير موجود", 405: "طريقة غير مسموحة", 422: "طلب غير صالح", 500: "خطأ في الخادم"}
MESSAGES = {
    404: "لا توجد صفحة بهذا العنوان: ربما حُذفت المقالة أو كُتب الرابط خطأ.",
    422: "في الطلب قيمة غير صالحة (تاريخ أو رقم صفحة مثلًا).",
    500: "حدث خطأ غير متوقع أثناء إعداد هذه الصفحة.",
}


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == request.app.openapi_url


def error_page(status: int, headers: dict[str, str] | None = None) -> Response:
    context = {"status": status, "heading": HEADINGS.get(status, "خطأ"), "message": MESSAGES.get(status, "تعذر إتمام الطلب.")}
    response = page("error.html", context, status_code=status)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if wants_json(request):
        return await http_exception_handler(request, error)
    return error_page(error.status_code, getattr(error, "headers", None))


async def validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    if wants_json(request):
        return await request_validation_exception_handler(request, error)
    return error_page(422)


async def server_error(request: Request, error: Exception) -> Response:
    LOGGER.error("error serving %s", request.url.path, exc_info=error)
    if wants_json(request):
        return JSONResponse({"detail": "internal server error"}, status_code=500)
    return error_page(500)


def install(app: FastAPI) -> None:
    """Register the handlers on `app`."""
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_error)
