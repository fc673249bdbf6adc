"""Media types of inference requests, for the inference scripts (xgboost_inference.py,
pytorch_inference.py): a client may send parameters (text/csv; charset=utf-8), any case, */* or no
Accept at all, so the scripts compare the bare media type (RFC 9110, 8.3.1 and 12.5.1)."""

DEFAULT_TYPE = "text/csv"


def media_type(header) -> str:
    """The media type of a Content-Type or Accept value without its parameters or case; a missing
    value or */* is the scripts' default, text/csv."""
    media = (header or "").split(";", 1)[0].strip().lower()
    return DEFAULT_TYPE if media in ("", "*/*") else media
