"""Phase plans (faseplannen): the yearly plan that brings the DIN, the budget, governance and
reflection together. Sits above all of them (see docs/architecture.md)."""
