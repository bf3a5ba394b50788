"""A second member in the same workspace (invited by its owner, switched into it), for
tests about who sees and may do what among teammates."""

from __future__ import annotations

from tests.helpers import User


async def join(owner: User, email: str, *, name: str, role: str = "member") -> User:
    """``email`` signs up, is invited by ``owner`` with ``role`` and switches (pages and
    API) to the owner's workspace."""
    person = await User.signup(owner.app, email, name=name, workspace=f"{name}'s own")
    r = await owner.api.post(
        f"/api/workspaces/{owner.workspace_id}/invite", json={"email": email, "role": role}
    )
    assert r.status_code == 201 and r.json()["status"] == "active", r.text
    r = await person.post_form("/workspaces/switch", {"workspace_id": owner.workspace_id})
    assert r.status_code == 303, r.text
    r = await person.api.post(
        "/api/auth/switch-workspace", json={"workspace_id": owner.workspace_id}
    )
    assert r.status_code == 200, r.text
    person.workspace_id = owner.workspace_id
    return person
