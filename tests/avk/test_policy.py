"""The one access gate: require() refuses with a Dutch message and 403, allowed() never raises."""

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.test import RequestFactory
from django.utils import translation

from avk import policy
from avk.shortcuts import DamagedPost, posted_version
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def test_policy():
    def decide(user, verb, obj):
        return verb == "read" or (verb == "write" and obj == user.username)

    policy.register("testarea", decide, messages={"write": "Alleen je eigen notitie."})
    yield
    policy._policies.pop("testarea")


def test_require_lets_through_what_the_rule_allows(test_policy):
    user = UserFactory(username="anna")
    policy.require(user, "testarea.read", None)
    policy.require(user, "testarea.write", "anna")


def test_require_refuses_with_the_policys_message(test_policy):
    user = UserFactory(username="anna")
    with pytest.raises(policy.Refused) as refused:
        policy.require(user, "testarea.write", "bert")
    assert isinstance(refused.value, PermissionDenied)
    assert str(refused.value) == "Alleen je eigen notitie."
    assert refused.value.action == "testarea.write"


def test_refusal_without_message_says_so_in_dutch(test_policy):
    user = UserFactory()
    policy._policies["testarea"].messages.clear()
    with translation.override("nl"), pytest.raises(policy.Refused) as refused:
        policy.require(user, "testarea.write", "someone else")
    assert "mag" in str(refused.value)  # "U mag dit hier niet doen..."


def test_anonymous_is_never_allowed(test_policy):
    from django.contrib.auth.models import AnonymousUser

    assert policy.allowed(AnonymousUser(), "testarea.read", None) is False
    assert policy.allowed(None, "testarea.read", None) is False


def test_unknown_action_is_a_programming_error(test_policy):
    user = UserFactory()
    with pytest.raises(ImproperlyConfigured):
        policy.allowed(user, "nowhere.read", None)
    with pytest.raises(ImproperlyConfigured):
        policy.allowed(user, "no-namespace", None)


def test_every_area_registers_its_policy():
    assert {"programme", "din", "partners", "governance"} <= set(policy.namespaces())


@pytest.mark.parametrize("raw", ["", "abc", "-1", "1.5", None])
def test_a_damaged_version_is_a_bad_request(raw):
    data = {} if raw is None else {"version": raw}
    request = RequestFactory().post("/", data)
    with pytest.raises(DamagedPost):
        posted_version(request)


def test_a_posted_version_is_read():
    assert posted_version(RequestFactory().post("/", {"version": " 7 "})) == 7
