"""The home page's URLs, included at the site root by avk/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("home/dismiss/", views.home_dismiss, name="home-dismiss"),
]
