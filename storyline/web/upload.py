"""The upload form (only with --allow-ingest): one file and the token, posted as a plain HTML form."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.types import Message

from storyline.web import jsonapi
from storyline.web.base import render

# Room for the form's own fields and multipart boundaries around the file itself.
FORM_OVERHEAD_BYTES = 64 * 1024


def upload_form(request: Request) -> HTMLResponse:
    """Return the upload form."""
    jsonapi.require_ingest(request)
    return render(request, "upload.html", report=None, limit_mb=jsonapi.MAX_UPLOAD_BYTES // 2**20)


async def upload(request: Request) -> HTMLResponse:
    """Ingest the posted file when the token matches; return the form with the ingest report."""
    jsonapi.require_ingest(request)
    body = await jsonapi.read_capped(request, jsonapi.MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES)

    async def replay() -> Message:  # the body is read (and capped) already; the form parser reads it again
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, replay).form(max_files=1, max_fields=2)
    token, upload = form.get("token"), form.get("file")
    if not isinstance(token, str) or not jsonapi.token_matches(request, token):
        raise HTTPException(401, "wrong or missing token: use the one storyline serve was started with")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise HTTPException(400, "choose a file to ingest")
    data = await upload.read()
    if len(data) > jsonapi.MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"upload is over the limit of {jsonapi.MAX_UPLOAD_BYTES} bytes")
    report = await run_in_threadpool(jsonapi.run_ingest, request.app.state.db_path, upload.filename, data)
    return render(request, "upload.html", report=report, limit_mb=jsonapi.MAX_UPLOAD_BYTES // 2**20)
