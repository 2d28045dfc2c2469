"""The portal's English formats (FORMAT_MODULE_PATH): the same day-month-year order as in
Dutch ("19 June 2023", in tables "19-06-2023"), never the American month-first order."""

DATE_FORMAT = "j F Y"  # 19 June 2023
DATETIME_FORMAT = "j F Y, H:i"  # 19 June 2023, 14:00
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "d-m-Y"  # 19-06-2023 (tables)
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
YEAR_MONTH_FORMAT = "F Y"  # June 2023
MONTH_DAY_FORMAT = "j F"  # 19 June
FIRST_DAY_OF_WEEK = 1  # Monday

# Day first, as in Dutch: "06/07/2023" is 6 July, never 7 June (ISO is always accepted too).
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
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H.%M",
    "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H.%M",
    "%d-%m-%y %H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
]
