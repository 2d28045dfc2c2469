"""The portal's Dutch formats (FORMAT_MODULE_PATH): "19 juni 2023", in tables "19-06-2023".

Only what differs from Django's own Dutch formats is set here; the rest comes from Django."""

DATE_FORMAT = "j F Y"  # 19 juni 2023
DATETIME_FORMAT = "j F Y, H:i"  # 19 juni 2023, 14:00
SHORT_DATE_FORMAT = "d-m-Y"  # 19-06-2023 (tables)
SHORT_DATETIME_FORMAT = "d-m-Y H:i"  # 19-06-2023 14:00
YEAR_MONTH_FORMAT = "F Y"  # juni 2023 (months in running text; short: avk.formats.month)
FIRST_DAY_OF_WEEK = 1  # maandag

# What a date field accepts (ISO 2023-06-19 is always accepted too). Month names ("19 juni
# 2023") are turned into numbers by avk.forms.DateInput before these are tried.
DATE_INPUT_FORMATS = [
    "%d-%m-%Y",  # 19-06-2023
    "%d-%m-%y",  # 19-06-23
    "%d/%m/%Y",  # 19/06/2023
    "%d/%m/%y",  # 19/06/23
    "%d.%m.%Y",  # 19.06.2023
    "%d %m %Y",  # 19 06 2023
    "%d%m%Y",  # 19062023
]
DATETIME_INPUT_FORMATS = [
    "%d-%m-%Y %H:%M",  # 19-06-2023 14:00
    "%d-%m-%Y %H.%M",  # 19-06-2023 14.00
    "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H.%M",
    "%d-%m-%y %H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
]
