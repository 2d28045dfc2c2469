"""Registries keep order and refuse doubles; spreadsheet downloads are built one way."""

from io import BytesIO

from openpyxl import Workbook, load_workbook

from avk.exports import add_sheet, download_name, xlsx_response
from avk.registry import Registry


def test_registry_orders_and_ignores_a_second_registration():
    registry = Registry("test")

    def first():
        pass

    def second():
        pass

    registry.register(second, order=20)
    registry.register(first, order=10)
    registry.register(second, order=5)
    assert list(registry) == [first, second]
    registry.unregister(first)
    assert list(registry) == [second]


def test_xlsx_response_is_a_download_with_neutralised_cells():
    book = Workbook()
    book.remove(book.active)
    add_sheet(book, "Besluitenlijst", ["Nummer", "Tekst"], [["DB-2023-001", "=1+1"]], [12, 40])
    response = xlsx_response(book, filename=download_name("besluitenlijst avk", "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith('attachment; filename="besluitenlijst-avk-')
    sheet = load_workbook(BytesIO(response.content))["Besluitenlijst"]
    assert sheet["A1"].value == "Nummer"
    assert sheet["B2"].value == "'=1+1"
    assert sheet["A1"].font.bold
