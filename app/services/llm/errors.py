"""LLM failures, as the rest of the app sees them."""

from app.errors import AppError


class LLMError(AppError):
    status, code, default_message = 502, "llm_error", "The AI model could not answer."


class LLMUnavailable(LLMError):
    status = 503
    code, default_message = (
        "llm_unavailable",
        "The AI model is unavailable right now; try again in a minute.",
    )


class LLMInvalidOutput(LLMError):
    status = 422
    code, default_message = (
        "llm_invalid_output",
        "The AI model's answer was not a usable result; try rephrasing.",
    )
