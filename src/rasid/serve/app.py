"""The REST API and the offline dashboard (FastAPI).

One SQLite connection per request, opened and closed in the thread that serves it (WAL, busy
timeout), so readers never wait for an ingest and never see half of one.
"""

import datetime as dt
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasid.errors import RasidError
from rasid.model import EVENT_TYPES, SUB_TO_TYPE, WEAPONS, Article
from rasid.serve.limits import BodyLimit
from rasid.store import Filters, SQLiteStore, content_hash
from rasid.store import query as q
from rasid.store.base import EDITABLE_FIELDS
from rasid.store.tokens import verify_token

STATIC = Path(__file__).parent / "static"
MAX_BODY = 2 * 1024 * 1024  # bytes per request
MAX_ARTICLES = 100  # per POST
MAX_TEXT = 200_000  # characters per article
MAX_PAGE = 10_000
MAX_INT = 2**62  # query integers beyond SQLite's 64 bits would be a 500


@dataclass(slots=True)
class Settings:
    db: str
    private: bool = False
    tile_url: str | None = None
    tile_attribution: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body: int = MAX_BODY


class ArticleIn(BaseModel):
    id: str | None = Field(default=None, max_length=200)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    published: dt.date | None = None
    source: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=2000)

    @field_validator("text")
    @classmethod
    def _has_text(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("empty text")
        return text

    @field_validator("published")
    @classmethod
    def _plausible_date(cls, published: dt.date | None) -> dt.date | None:
        from rasid.io.articles import check_published

        try:
            return None if published is None else check_published(published)
        except RasidError as e:
            raise ValueError(str(e)) from None


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)
    reextract: bool = False


class MergeIn(BaseModel):
    with_: list[str] = Field(alias="with", min_length=1, max_length=50)


class SplitIn(BaseModel):
    article_id: str | None = Field(default=None, max_length=200)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors()[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


# --- field validation for PATCH --------------------------------------------------------------

_INT_FIELDS = {"time_precision", "fatalities", "fatalities_max", "injured", "injured_max"}
_BOOL_FIELDS = {"background", "optional"}
REFERENCE_FIELDS = ("location", "actor1", "actor2")


def clean_value(field: str, value: Any) -> Any:
    """A corrected value checked against the field's vocabulary; RasidError with one clear line."""
    if field in _INT_FIELDS:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > 10_000_000:
            raise RasidError(f"{field}: expected a non-negative whole number or null")
        if field == "time_precision" and value not in (1, 2, 3):
            raise RasidError("time_precision: expected 1 (day), 2 (week) or 3 (month)")
        return value
    if field in _BOOL_FIELDS:
        if not isinstance(value, bool):
            raise RasidError(f"{field}: expected true or false")
        return int(value)
    if field == "event_type":
        if value not in EVENT_TYPES:
            raise RasidError(f"event_type: expected one of {', '.join(EVENT_TYPES)}")
        return value
    if field == "sub_event_type":
        if value not in SUB_TO_TYPE:
            raise RasidError("sub_event_type: not an ACLED sub-event type")
        return value
    if field == "date":
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise RasidError("date: expected YYYY-MM-DD") from None
    if field == "weapon":
        if value is not None and value not in WEAPONS:
            raise RasidError(f"weapon: expected one of {', '.join(WEAPONS)} or null")
        return value
    if field == "notes":
        if value is not None and (not isinstance(value, str) or len(value) > 5000):
            raise RasidError("notes: expected text of at most 5000 characters")
        return value
    if field in ("location", "actor1", "actor2"):
        return clean_reference(field, value)
    raise RasidError(f"field {field!r} cannot be corrected")


def clean_reference(field: str, value: Any) -> dict[str, Any] | None:
    if value is None and field != "location":
        return None
    if not isinstance(value, dict) or not isinstance(value.get("name"), str) or not value["name"].strip():
        raise RasidError(f"{field}: expected an object with a 'name'")
    if field == "location":
        allowed = {"name", "name_ar", "country", "admin1", "lat", "lon", "geo_precision", "geonameid"}
        for key in ("lat", "lon"):
            v = value.get(key)
            if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
                raise RasidError(f"location.{key}: expected a number")
        lat, lon = value.get("lat"), value.get("lon")
        if (lat is not None and not -90 <= lat <= 90) or (lon is not None and not -180 <= lon <= 180):
            raise RasidError("location: latitude or longitude out of range")
    else:
        allowed = {"name", "name_ar", "inter"}
        inter = value.get("inter")
        if inter is not None and inter not in range(1, 9):
            raise RasidError(f"{field}.inter: expected an ACLED inter code 1-8")
    extra = set(value) - allowed
    if extra:
        raise RasidError(f"{field}: unknown key(s) {', '.join(sorted(extra))}")
    return {k: v for k, v in value.items() if k in allowed}


# --- the app ---------------------------------------------------------------------------------


def create_app(settings: Settings) -> FastAPI:
    # Create or migrate the database once, before the first request.
    SQLiteStore(settings.db).close()

    app = FastAPI(
        title="rasid",
        summary="Arabic news as an ACLED-coded conflict-event database: query, review, export.",
        version=_version(),
    )
    app.state.settings = settings
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
        )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith(("/docs", "/redoc")):
            tiles = _origin(settings.tile_url)
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                f" img-src 'self' data:{' ' + tiles if tiles else ''}; connect-src 'self';"
                " object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            )
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        if exc.status_code == 405:
            message = f"method {request.method} not allowed on {request.url.path}"
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(exc))

    @app.exception_handler(RasidError)
    async def user_error(request: Request, exc: RasidError) -> JSONResponse:
        message = str(exc)
        return _error(404 if message.startswith("no event") else 400, message)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(exc).__name__})")

    bearer = HTTPBearer(auto_error=False, description="A token from `rasid token create NAME`.")

    @contextmanager
    def opened() -> Iterator[SQLiteStore]:
        store = SQLiteStore(settings.db)
        try:
            yield store
        finally:
            store.close()

    def who(credentials: HTTPAuthorizationCredentials | None) -> str | None:
        if credentials is None or credentials.scheme.lower() != "bearer":
            return None
        with opened() as store:
            return verify_token(store, credentials.credentials)

    def writer(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
        if credentials is None:
            raise HTTPException(
                401,
                "this endpoint needs a token: Authorization: Bearer <token>",
                headers={"WWW-Authenticate": "Bearer"},
            )
        name = who(credentials)
        if name is None:
            raise HTTPException(403, "invalid token", headers={"WWW-Authenticate": "Bearer"})
        return name

    def reader(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str | None:
        if not settings.private:
            return None
        return writer(credentials)

    Reader = Annotated[str | None, Depends(reader)]
    Writer = Annotated[str, Depends(writer)]

    def event_query(
        since: Annotated[dt.date | None, Query(description="First event date (YYYY-MM-DD).")] = None,
        until: Annotated[dt.date | None, Query(description="Last event date (YYYY-MM-DD).")] = None,
        event_type: Annotated[
            str | None, Query(alias="type", max_length=100, description="Event type or sub-event type.")
        ] = None,
        country: Annotated[
            str | None, Query(max_length=2, min_length=2, description="ISO alpha-2, e.g. IQ.")
        ] = None,
        admin1: Annotated[str | None, Query(max_length=200)] = None,
        bbox: Annotated[
            str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat")
        ] = None,
        actor: Annotated[
            str | None, Query(max_length=200, description="Part of an actor name (English or Arabic).")
        ] = None,
        text: Annotated[
            str | None,
            Query(alias="q", max_length=500, description="Words in the source articles (full-text)."),
        ] = None,
        min_fatalities: Annotated[int | None, Query(ge=0, le=MAX_INT)] = None,
        include_optional: bool = False,
        include_rejected: bool = False,
        sort: Annotated[str, Query(max_length=40, description="Field, '-' prefix for descending.")] = "-date",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
    ) -> q.EventQuery:
        box = None
        if bbox:
            try:
                box = tuple(float(x) for x in bbox.split(","))
            except ValueError:
                box = ()
            if len(box) != 4 or box[0] > box[2] or box[1] > box[3]:
                raise RasidError("bbox: expected min_lon,min_lat,max_lon,max_lat")
        q.order_by(sort)  # fails early on an unknown sort key
        return q.EventQuery(
            since=since,
            until=until,
            event_type=event_type,
            country=country,
            admin1=admin1,
            bbox=box,
            actor=actor,
            text=text,
            min_fatalities=min_fatalities,  # type: ignore[arg-type]
            include_optional=include_optional,
            include_rejected=include_rejected,
            sort=sort,
            limit=limit,
            offset=offset,
        )

    EventFilter = Annotated[q.EventQuery, Depends(event_query)]

    # --- read ------------------------------------------------------------------------------

    @app.get("/api/events", tags=["read"], summary="Incidents, filtered, sorted and paged")
    def list_events(query: EventFilter, _: Reader) -> dict[str, Any]:
        with opened() as store:
            total, rows = q.query_events(store, query)
        return {"total": total, "limit": query.limit, "offset": query.offset, "events": rows}

    @app.get("/api/events.geojson", tags=["read"], summary="Incidents as GeoJSON points")
    def events_geojson(query: EventFilter, _: Reader) -> Response:
        with opened() as store:
            _total, rows = q.query_events(store, query)
        features = [
            {
                "type": "Feature",
                "id": r["id"],
                "geometry": None
                if r["lat"] is None or r["lon"] is None
                else {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                "properties": r,
            }
            for r in rows
        ]
        body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
        return Response(body, media_type="application/geo+json")

    @app.get(
        "/api/events/{event_id}", tags=["read"], summary="One incident with sources, evidence and history"
    )
    def get_event(event_id: str, _: Reader) -> dict[str, Any]:
        with opened() as store:
            detail = q.event_detail(store, event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id!r}")
        from rasid.store.export import _note

        detail["note"] = detail["notes"] or _note(detail)
        return detail

    @app.get(
        "/api/articles/{article_id}", tags=["read"], summary="An article's text and every extracted span"
    )
    def get_article(article_id: str, _: Reader) -> dict[str, Any]:
        with opened() as store:
            detail = q.article_detail(store, article_id)
        if detail is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return detail

    @app.get("/api/stats", tags=["read"], summary="Counts by day and type, type, country and actor")
    def get_stats(query: EventFilter, _: Reader) -> dict[str, Any]:
        with opened() as store:
            return q.stats(store, query)

    @app.get("/api/export", tags=["read"], summary="Export (acled-csv, geojson or jsonl)")
    def export(
        _: Reader,
        fmt: Annotated[str, Query(alias="format")] = "acled-csv",
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: Annotated[str | None, Query(max_length=2)] = None,
        event_type: Annotated[str | None, Query(alias="type", max_length=100)] = None,
        include_optional: bool = False,
    ) -> Response:
        from rasid.store.export import FORMATS, write_export

        if fmt not in FORMATS:
            raise RasidError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
        filters = Filters(since, until, country, event_type, include_optional)
        buffer = io.StringIO()
        with opened() as store:
            write_export(store.incident_rows(filters), fmt, buffer)
        media, ext = {
            "acled-csv": ("text/csv; charset=utf-8", "csv"),
            "geojson": ("application/geo+json", "geojson"),
            "jsonl": ("application/x-ndjson", "jsonl"),
        }[fmt]
        return Response(
            buffer.getvalue(),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="rasid-events.{ext}"'},
        )

    @app.get("/api/config", tags=["read"], summary="Dashboard settings")
    def config() -> dict[str, Any]:
        return {
            "private": settings.private,
            "tile_url": settings.tile_url,
            "tile_attribution": settings.tile_attribution,
            "event_types": EVENT_TYPES,
            "weapons": WEAPONS,
            "editable": [*EDITABLE_FIELDS, *REFERENCE_FIELDS],
            "version": _version(),
        }

    @app.get("/api/whoami", tags=["read"], summary="The name behind a token")
    def whoami(name: Writer) -> dict[str, str]:
        return {"name": name}

    # --- write -----------------------------------------------------------------------------

    @app.post(
        "/api/articles", tags=["write"], status_code=201, summary="Ingest articles (extraction server-side)"
    )
    def post_articles(body: ArticlesIn, name: Writer) -> dict[str, Any]:
        from rasid.io.inputs import Input
        from rasid.store.ingest import ingest

        inputs = []
        for a in body.articles:
            article_id = a.id or "api-" + content_hash(a.text)[:12]
            article = Article(article_id, a.text, a.published, a.source, a.url, a.title)
            inputs.append(Input(article, f"api:{name}"))
        with opened() as store:
            summary = ingest(inputs, store, reextract=body.reextract, extractor_name="pipeline")
            results = []
            for item in inputs:
                stored = store.db.execute(
                    "SELECT id FROM articles WHERE content_hash = ?", (content_hash(item.article.text),)
                ).fetchone()
                article_id = stored[0] if stored else None
                events = q.article_events(store, article_id) if article_id else []
                results.append({"article_id": article_id, "events": events})
        return {
            **summary.as_dict(),
            "problems": [p.message for p in summary.errors],
            "articles": results,
        }

    @app.patch(
        "/api/events/{event_id}", tags=["write"], summary="Correct fields (locked against re-extraction)"
    )
    def patch_event(event_id: str, changes: dict[str, Any], name: Writer) -> dict[str, Any]:
        if not changes:
            raise RasidError("nothing to change: send {field: value, ...}")
        allowed = (*EDITABLE_FIELDS, *REFERENCE_FIELDS)
        unknown = [k for k in changes if k not in allowed]
        if unknown:
            raise RasidError(f"field {unknown[0]!r} cannot be corrected (one of: {', '.join(allowed)})")
        cleaned = {k: clean_value(k, v) for k, v in changes.items()}
        with opened() as store:
            if not q.event_exists(store, event_id):
                raise HTTPException(404, f"no event {event_id!r}")
            for field_name, value in cleaned.items():
                if field_name in REFERENCE_FIELDS:
                    q.correct_reference(store, event_id, field_name, value, name)
                else:
                    store.correct(event_id, field_name, value, name)
            return q.event_detail(store, event_id) or {}

    @app.post("/api/events/{event_id}/merge", tags=["write"], summary="Merge other incidents into this one")
    def merge_events(event_id: str, body: MergeIn, name: Writer) -> dict[str, Any]:
        with opened() as store:
            target = store.merge([event_id, *body.with_], name)
        return {"id": target, "merged": body.with_}

    @app.post(
        "/api/events/{event_id}/split",
        tags=["write"],
        summary="Split reports off into incidents of their own",
    )
    def split_event(event_id: str, name: Writer, body: SplitIn | None = None) -> dict[str, Any]:
        with opened() as store:
            new_ids = store.split(event_id, body.article_id if body else None, name)
        return {"id": event_id, "new": new_ids}

    @app.delete("/api/events/{event_id}", tags=["write"], summary="Mark as not an event (hidden, audited)")
    def reject_event(event_id: str, name: Writer) -> dict[str, Any]:
        with opened() as store:
            q.set_rejected(store, event_id, True, name)
        return {"id": event_id, "rejected": True}

    @app.post("/api/events/{event_id}/restore", tags=["write"], summary="Undo 'not an event'")
    def restore_event(event_id: str, name: Writer) -> dict[str, Any]:
        with opened() as store:
            q.set_rejected(store, event_id, False, name)
        return {"id": event_id, "rejected": False}

    # --- dashboard -------------------------------------------------------------------------

    _mount_vendor(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/basemap/{name}.geojson", include_in_schema=False)
    def basemap(name: str) -> FileResponse:
        from rasid.resources import ROOT

        files = {"countries": "map_countries.geojson", "iraq_admin1": "map_iraq_admin1.geojson"}
        if name not in files or not (ROOT / files[name]).exists():
            raise HTTPException(404, f"no base map {name!r}")
        return FileResponse(ROOT / files[name], media_type="application/geo+json")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    return app


def _mount_vendor(app: FastAPI) -> None:
    """Leaflet and Leaflet.markercluster from their installed XStatic packages (no copies, no CDN)."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as cluster

    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/vendor/markercluster", StaticFiles(directory=cluster.BASE_DIR), name="markercluster")


def _origin(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "a"))
    host = parts.netloc.replace("a.", "*.", 1) if "{s}" in url else parts.netloc
    return f"{parts.scheme}://{host}" if parts.scheme and host else None


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("rasid")
    except Exception:
        return "0"
