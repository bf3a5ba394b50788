"""Typed errors raised by services; routes map them once (app/routes/errors.py)."""

from __future__ import annotations


class AppError(Exception):
    status = 400
    code = "bad_request"
    default_message = "The request could not be processed."

    def __init__(
        self,
        message: str | None = None,
        *,
        fields: dict | None = None,
        code: str | None = None,
        headers: dict | None = None,
    ):
        self.message = message or self.default_message
        self.fields = fields or {}
        if code:
            self.code = code
        self.headers = headers or {}
        super().__init__(self.message)

    def body(self) -> dict:
        error = {"code": self.code, "message": self.message}
        if self.fields:
            error["fields"] = self.fields
        return {"error": error}


class BadRequest(AppError):
    status, code, default_message = 400, "bad_request", "The request is malformed."


class Unauthorized(AppError):
    status, code, default_message = 401, "unauthorized", "Sign in or send a valid API key."


class Forbidden(AppError):
    status, code, default_message = 403, "forbidden", "You are not allowed to do this."


class NotFound(AppError):
    status, code, default_message = 404, "not_found", "Not found."


class Conflict(AppError):
    status, code, default_message = 409, "conflict", "This conflicts with the current state."


class Gone(AppError):
    status, code, default_message = 410, "gone", "This is no longer available."


class PayloadTooLarge(AppError):
    status, code, default_message = 413, "payload_too_large", "The request body is too large."


class UnsupportedMediaType(AppError):
    status, code, default_message = (
        415,
        "unsupported_media_type",
        "Send the body as application/json.",
    )


class ValidationError(AppError):
    status, code, default_message = 422, "validation_error", "Some values need fixing."


class RateLimited(AppError):
    status, code, default_message = 429, "rate_limited", "Too many requests; try again later."

    def __init__(self, message: str | None = None, *, retry_after: int = 60, **kwargs):
        super().__init__(message, **kwargs)
        self.retry_after = max(1, int(retry_after))
        self.headers = {**self.headers, "Retry-After": str(self.retry_after)}
