"""The portal's URLs plus the floor views under /bench-floor/ (benchmarks only)."""

from django.urls import include, path

from bench import floors

urlpatterns = [
    path("bench-floor/<slug:slug>/<str:page>/", floors.floor, name="bench-floor"),
    path("", include("avk.urls")),
]

handler400 = "avk.views.bad_request"
