from keel.kpis.api.routes import router

__all__ = ["router"]
