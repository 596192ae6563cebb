"""English dates as the network writes them: "10 October 2022", day first as in the
other two languages (Django's ``en`` says "Oct. 10, 2022"). Names not set here
come from Django's own ``en`` formats."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
