"""The workspace currency (ISO 4217) and money as people read it: "$4,800", "€1,250.50", "¥48,000".

No locale library: a symbol table for the common currencies (others show their
code, "CHF 4,800"), grouping with commas, and the currency's minor units
(JPY has none, BHD three) with trailing zero cents dropped ("$4,800", not "$4,800.00").
"""

from __future__ import annotations

import math

DEFAULT_CURRENCY = "USD"

# Active ISO 4217 codes (2024 list, funds and precious metals left out).
CODES = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
    BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR
    FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD
    JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT
    MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG
    QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS
    TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR
    ZMW ZWL""".split()
)
# Minor units that are not 2 (ISO 4217's "E" column).
_MINOR_UNITS = {
    **dict.fromkeys(
        "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(), 0
    ),
    **dict.fromkeys("BHD IQD JOD KWD LYD OMR TND".split(), 3),
}
_SYMBOLS = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "CN¥",
    "INR": "₹",
    "KRW": "₩",
    "BRL": "R$",
    "CAD": "CA$",
    "AUD": "A$",
    "NZD": "NZ$",
    "MXN": "MX$",
    "ILS": "₪",
    "VND": "₫",
    "PLN": "zł ",
}


def check_currency(value: str) -> str | None:
    """The normalised code, or None when ``value`` is not an ISO 4217 currency."""
    code = (value or "").strip().upper()
    return code if code in CODES else None


def format_money(amount, currency: str | None = DEFAULT_CURRENCY) -> str:
    """``4800`` → "$4,800"; negative amounts keep their sign before the symbol."""
    try:
        value = float(amount)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(value):
        return ""
    code = check_currency(currency or "") or DEFAULT_CURRENCY
    digits = _MINOR_UNITS.get(code, 2)
    text = f"{abs(value):,.{digits}f}"
    if digits and text.endswith("." + "0" * digits):
        text = text[: -digits - 1]
    symbol = _SYMBOLS.get(code, code + " ")
    return ("-" if value < 0 and float(text.replace(",", "")) else "") + symbol + text
