"""The demo data steps, registered by each app in its AppConfig.ready():

    from avk import demo
    demo.register("partners.demo", order=20)

`load_demo` runs every registered step's `load(context)` in order (each builds on the ones
before), then every step's `summary(context)` if it has one (the accounts to log in with).
"""

from importlib import import_module
from types import ModuleType

from .registry import Registry

steps = Registry(__name__)


def register(module_path: str, *, order: int = 100) -> None:
    steps.register(module_path, order=order)


def modules() -> list[ModuleType]:
    return [import_module(path) for path in steps]
