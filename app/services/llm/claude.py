"""The Claude engine (SPEC §6.5): the four uses through ``anthropic.AsyncAnthropic``.

Every use is one *structured call*: a tool whose input schema is the expected
JSON, forced with ``tool_choice`` (a plain JSON text reply is accepted too).
The answer is checked; if it is unusable the model gets ONE stricter re-prompt
carrying the problem, then ``LLMInvalidOutput``.

Each request is a *run* of up to 3 calls: timeouts, connection errors, 429
(honouring ``retry-after``, capped), 5xx and 529 are retried after
``retry_base_seconds``, then twice that; ``on_retry(attempt, error, delay)``
is awaited before each wait. When all 3 fail: ``LLMUnavailable``. The SDK's own
retries are off (``max_retries=0``) so this loop is the only one.

Every call writes an ``llm_calls`` row (status, tokens, duration, error).
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import re
import time

from app.errors import ValidationError
from app.services.llm import claude_prompts as prompts
from app.services.llm import personalize_prompt
from app.services.llm.errors import LLMInvalidOutput, LLMUnavailable
from app.services.llm.usage import record_call

CALLS_PER_RUN = 3
RETRY_AFTER_CAP = (
    30.0  # seconds: a longer retry-after is cut short; the caller's re-queue covers the rest
)
TRANSIENT_STATUSES = {408, 409, 425, 429}


class ClaudeEngine:
    name = "claude"

    def __init__(self, settings, db=None):
        self.settings, self.db = settings, db
        self.model = settings.claude_model
        self._client = None
        import anthropic  # noqa: F401  - a slow import (seconds): pay it at start-up, not on the first request

    @property
    def client(self):
        if self._client is None:
            import anthropic

            self._client = anthropic.AsyncAnthropic(
                api_key=self.settings.anthropic_api_key,
                base_url=self.settings.anthropic_base_url,
                max_retries=0,
                timeout=self.settings.llm_timeout,
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    # -- the four uses -------------------------------------------------------------

    async def generate_form(
        self, description: str, draft: dict | None = None, *, workspace_id=None, on_retry=None
    ) -> dict:
        text = (description or "").strip()
        if not text:
            raise ValidationError(
                "Describe the form you want, e.g. “a demo request form for enterprise clients”.",
                fields={"description": "Describe the form you want."},
            )
        return await self._structured(
            "generate_form",
            system=prompts.FORM_SYSTEM,
            user=prompts.form_user_message(text, draft),
            tool=prompts.FORM_TOOL,
            check=lambda obj: prompts.check_form(obj, text, draft),
            workspace_id=workspace_id,
            on_retry=on_retry,
            max_tokens=4096,
        )

    async def plan_agent_actions(self, context: dict, *, workspace_id=None, on_retry=None) -> dict:
        from app.services.llm import agent_prompt

        tool = getattr(agent_prompt, "TOOL", None) or {
            "name": "submit_plan",
            "description": "Submit the plan.",
            "input_schema": agent_prompt.PLAN_SCHEMA,
        }
        return await self._structured(
            "plan_agent_actions",
            system=agent_prompt.SYSTEM_PROMPT,
            user=agent_prompt.user_message(context),
            tool=tool,
            check=agent_prompt.validate_plan,
            workspace_id=workspace_id,
            on_retry=on_retry,
            max_tokens=2048,
            strict_user=getattr(agent_prompt, "STRICT_REMINDER", None),
        )

    async def generate_challenger(
        self, form: dict, stats: dict, *, workspace_id=None, on_retry=None
    ) -> dict:
        return await self._structured(
            "generate_challenger",
            system=prompts.CHALLENGER_SYSTEM,
            user=prompts.optimize_user_message(form, stats),
            tool=prompts.CHALLENGER_TOOL,
            check=lambda obj: prompts.check_challenger(obj, form),
            workspace_id=workspace_id,
            on_retry=on_retry,
            max_tokens=4096,
        )

    async def suggest_improvements(
        self, form: dict, stats: dict, *, workspace_id=None, on_retry=None
    ) -> list[dict]:
        return await self._structured(
            "suggest_improvements",
            system=prompts.SUGGESTIONS_SYSTEM,
            user=prompts.optimize_user_message(form, stats),
            tool=prompts.SUGGESTIONS_TOOL,
            check=lambda obj: prompts.check_suggestions(obj, form),
            workspace_id=workspace_id,
            on_retry=on_retry,
            max_tokens=2048,
        )

    async def personalize_step(
        self, step: dict, facts: dict, *, workspace_id=None, on_retry=None
    ) -> dict:
        return await self._structured(
            "personalize_step",
            system=personalize_prompt.SYSTEM,
            user=personalize_prompt.user_message(step, facts),
            tool=personalize_prompt.TOOL,
            check=lambda obj: personalize_prompt.check(obj, facts),
            workspace_id=workspace_id,
            on_retry=on_retry,
            max_tokens=512,
        )

    # -- one structured call, with one stricter re-prompt -------------------------------

    async def _structured(
        self,
        purpose,
        *,
        system,
        user,
        tool,
        check,
        workspace_id,
        on_retry,
        max_tokens,
        strict_user=None,
    ):
        run = dict(
            purpose=purpose,
            tool=tool,
            workspace_id=workspace_id,
            on_retry=on_retry,
            max_tokens=max_tokens,
        )
        ok, result = await self._judge(run, check, await self._ask(run, system, user))
        if ok:
            return result
        problem = result
        strict_system = system + prompts.STRICT_SYSTEM.format(tool=tool["name"])
        if strict_user and "{error}" in strict_user:
            strict_text = "\n\n" + strict_user.format(error=problem)
        else:
            strict_text = prompts.STRICT_USER.format(error=problem, tool=tool["name"])
        ok, result = await self._judge(
            run, check, await self._ask(run, strict_system, user + strict_text)
        )
        if ok:
            return result
        raise LLMInvalidOutput(
            f"The AI model's answer was not usable, even after a stricter re-prompt: {result}"
        )

    async def _judge(self, run, check, answer) -> tuple[bool, object]:
        """(True, checked result) or (False, the problem); records the call either way."""
        message, meta = answer
        try:
            result = check(extract_payload(message, run["tool"]["name"]))
        except (ValueError, ValidationError) as exc:
            problem = exc.message if isinstance(exc, ValidationError) else str(exc)
            await self._record(run, "invalid_output", meta, problem[:1000])
            return False, problem[:1000]
        await self._record(run, "ok", meta, None)
        return True, result

    async def _ask(self, run, system: str, user: str):
        """One run: up to CALLS_PER_RUN calls; returns (message, meta) or raises LLMUnavailable."""
        delay, last = self.settings.retry_base_seconds, ""
        for attempt in range(1, CALLS_PER_RUN + 1):
            started = time.monotonic()
            try:
                message = await self.client.messages.create(
                    model=self.model,
                    max_tokens=run["max_tokens"],
                    system=system,
                    messages=[{"role": "user", "content": user}],
                    tools=[run["tool"]],
                    tool_choice={"type": "tool", "name": run["tool"]["name"]},
                )
            except Exception as exc:  # noqa: BLE001 - classified below; non-SDK errors re-raised
                status, transient, hint = classify(exc)
                last = describe(exc)
                await self._record(run, status, {"duration_ms": _ms(started)}, last)
                if not transient:
                    raise LLMUnavailable(f"Claude refused the request: {last}") from exc
                if attempt == CALLS_PER_RUN:
                    break
                wait = min(max(delay, hint or 0.0), max(RETRY_AFTER_CAP, delay))
                if run["on_retry"] is not None:
                    await run["on_retry"](attempt, last, wait)
                await asyncio.sleep(wait)
                delay *= 2
                continue
            usage = getattr(message, "usage", None)
            return message, {
                "duration_ms": _ms(started),
                "input_tokens": getattr(usage, "input_tokens", None),
                "output_tokens": getattr(usage, "output_tokens", None),
            }
        raise LLMUnavailable(
            f"The AI model did not answer after {CALLS_PER_RUN} attempts (last error: {last}); "
            "try again in a minute."
        )

    async def _record(self, run, status: str, meta: dict, error: str | None) -> None:
        await record_call(
            self.db,
            purpose=run["purpose"],
            engine=self.name,
            model=self.model,
            status=status,
            workspace_id=run["workspace_id"],
            input_tokens=meta.get("input_tokens"),
            output_tokens=meta.get("output_tokens"),
            duration_ms=meta.get("duration_ms"),
            error=error,
        )


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def classify(exc: Exception) -> tuple[str, bool, float | None]:
    """(llm_calls status, transient?, retry-after seconds or None). Re-raises what is not an SDK error."""
    import anthropic

    if isinstance(exc, anthropic.APITimeoutError):
        return "timeout", True, None
    if isinstance(exc, anthropic.APIConnectionError):
        return "connection_error", True, None
    if isinstance(exc, anthropic.APIStatusError):
        code = exc.status_code
        hint = retry_after(exc.response.headers)
        if code == 429:
            return "rate_limited", True, hint
        if code == 529:
            return "overloaded", True, hint
        if code >= 500 or code in TRANSIENT_STATUSES:
            return "server_error", True, hint
        return "rejected", False, None
    if isinstance(exc, anthropic.APIError):
        return "rejected", False, None
    raise exc


def describe(exc: Exception) -> str:
    import anthropic

    if isinstance(exc, anthropic.APITimeoutError):
        return "timed out"
    if isinstance(exc, anthropic.APIStatusError):
        kind = getattr(exc, "type", None) or "error"
        detail = getattr(exc, "api_message", None) or ""
        return f"HTTP {exc.status_code} {kind}" + (f": {detail}" if detail else "")
    return f"{type(exc).__name__}: {exc}"[:300]


def retry_after(headers) -> float | None:
    """Seconds from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date)."""
    try:
        if headers.get("retry-after-ms"):
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        value = headers.get("retry-after")
        if not value:
            return None
        if re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", value):
            return max(0.0, float(value))
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def extract_payload(message, tool_name: str):
    """The tool input (preferred) or the JSON in the text reply; ValueError when neither is there."""
    blocks = list(getattr(message, "content", None) or [])
    tool_uses = [b for b in blocks if getattr(b, "type", None) == "tool_use"]
    for block in tool_uses:
        if block.name == tool_name:
            return block.input
    if tool_uses:
        return tool_uses[0].input
    text = "".join(
        getattr(b, "text", "") for b in blocks if getattr(b, "type", None) == "text"
    ).strip()
    if not text:
        raise ValueError("the reply contained neither a tool call nor JSON")
    return parse_json_text(text)


def parse_json_text(text: str):
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    candidate = fenced.group(1) if fenced else text
    try:
        return json.loads(candidate)
    except ValueError:
        pass
    starts = [i for i in (candidate.find("{"), candidate.find("[")) if i >= 0]
    end = max(candidate.rfind("}"), candidate.rfind("]"))
    if starts and end > min(starts):
        try:
            return json.loads(candidate[min(starts) : end + 1])
        except ValueError as exc:
            raise ValueError(f"the reply is not valid JSON ({exc})") from None
    raise ValueError("the reply is not valid JSON (no JSON object found in the text)")
