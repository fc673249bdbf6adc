"""Media types and response bodies of inference requests, for the inference scripts (xgboost_inference.py,
pytorch_inference.py): a client may send parameters (text/csv; charset=utf-8), any case, */* or no
Accept at all, so the scripts compare the bare media type (RFC 9110, 8.3.1 and 12.5.1)."""

import json

from plc_step import UserError

DEFAULT_TYPE = "text/csv"


def media_type(header) -> str:
    """The media type of a Content-Type or Accept value without its parameters or case; a missing
    value or */* is the scripts' default, text/csv."""
    media = (header or "").split(";", 1)[0].strip().lower()
    return DEFAULT_TYPE if media in ("", "*/*") else media


def render_predictions(prediction, accept) -> str:
    """The response body of the inference scripts' output_fn: JSON {"predictions": [...]} or CSV,
    one row per record (a column per class when there are several)."""
    accept = media_type(accept)
    if accept == "application/json":
        return json.dumps({"predictions": prediction.tolist()})
    if accept != "text/csv":
        raise UserError(f"accept type {accept!r} is not supported; use text/csv or application/json")
    rows = prediction.reshape(len(prediction), -1)
    return "\n".join(",".join(repr(float(v)) for v in row) for row in rows)
