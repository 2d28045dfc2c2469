"""The home page's URL, included at the site root by avk/urls.py."""

from django.urls import path

from . import views

urlpatterns = [path("", views.home, name="home")]
