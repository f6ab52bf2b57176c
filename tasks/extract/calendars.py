"""Other calendars' days as Gregorian ones: the Solar Hijri (Iran, Afghanistan) and the
Buddhist era (Thailand). A leaf of tasks.extract: `dates` (the page's calendar for its
claims) and `headline_area` (a visible line naming a Solar Hijri month) both call it,
and `dates` imports `headline_area`."""

from __future__ import annotations

from datetime import date, timedelta

BUDDHIST_ERA_OFFSET = 543  # the Buddhist era's year 2567 is 2024
# the years of the news era (EARLIEST_PLAUSIBLE to 2100) in each calendar: nothing else
# on such a page is moved
CALENDAR_YEARS = {"buddhist": range(2538, 2644), "solar_hijri": range(1373, 1480)}


# Year starts where the Solar Hijri calendar's leap cycle breaks (the jalaali algorithm of
# Borkowski, as jalaali-js and jdatetime use it; exact for years 1 to 3177)
_JALALI_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097,
                  2192, 2262, 2324, 2394, 2456, 3178)


def _solar_hijri_year(year: int) -> tuple[bool, date]:
    """(is it a leap year, the Gregorian day of its 1 Farvardin, Nowruz)."""
    leap_j, jp, jump = -14, _JALALI_BREAKS[0], 0
    for jm in _JALALI_BREAKS[1:]:
        jump = jm - jp
        if year < jm:
            break
        leap_j += jump // 33 * 8 + jump % 33 // 4
        jp = jm
    n = year - jp
    leap_j += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    gy = year + 621
    leap_g = gy // 4 - (gy // 100 + 1) * 3 // 4 - 150
    if jump - n < 6:
        n = n - jump + (jump + 4) // 33 * 33
    leap = ((n + 1) % 33 - 1) % 4 == 0 if (n + 1) % 33 else False
    return leap, date(gy, 3, 20 + leap_j - leap_g)


def gregorian_of_solar_hijri(year: int, month: int, day: int) -> date:
    """The Gregorian day of a Solar Hijri one (1403-02-14 is 2024-05-03); ValueError for
    a day that year does not have. Years 1 to 3177."""
    if not 1 <= year < _JALALI_BREAKS[-1]:
        raise ValueError(f"year {year} is outside the calendar's table")
    leap, nowruz = _solar_hijri_year(year)
    length = 31 if month <= 6 else 30 if month <= 11 else 30 if leap else 29
    if not 1 <= month <= 12 or not 1 <= day <= length:
        raise ValueError(f"{year}-{month:02d}-{day:02d} is no Solar Hijri day")
    return nowruz + timedelta(days=(month - 1) * 31 - max(0, month - 7) + day - 1)
