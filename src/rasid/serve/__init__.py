"""`rasid serve`: the REST API and the offline map-and-timeline dashboard."""

from rasid.serve.app import Settings, create_app

__all__ = ["Settings", "create_app"]
