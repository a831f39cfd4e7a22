package kernel

import (
	"strings"
)

// Money is an amount in minor units (cents for USD) of an ISO 4217 currency.
// Floats never carry money.
type Money struct {
	AmountMinor int64  `bun:"amount_minor"`
	Currency    string `bun:"currency"`
}

// MaxAmountMinor bounds any single price so sums of many lines cannot overflow int64.
const MaxAmountMinor int64 = 1_000_000_000_00 // one billion major units

// CheckPrice validates a positive price; field is the path of the money input.
func CheckPrice(v *Validator, field []string, m Money) {
	cur := append(append([]string{}, field...), "currency")
	amt := append(append([]string{}, field...), "amountMinor")
	if !ValidCurrency(m.Currency) {
		v.Add(CodeInvalid, cur, "%q is not an ISO 4217 currency code", m.Currency)
	}
	switch {
	case m.AmountMinor <= 0:
		v.Add(CodeInvalid, amt, "must be greater than zero")
	case m.AmountMinor > MaxAmountMinor:
		v.Add(CodeInvalid, amt, "must be at most %d", MaxAmountMinor)
	}
}

// ValidCurrency reports whether code is an active ISO 4217 currency code
// (upper case, as the standard writes them).
func ValidCurrency(code string) bool {
	if len(code) != 3 || strings.ToUpper(code) != code {
		return false
	}
	_, ok := currencies[code]
	return ok
}

// currencies lists the active ISO 4217 codes with their minor-unit exponent.
var currencies = map[string]int{
	"AED": 2, "AFN": 2, "ALL": 2, "AMD": 2, "ANG": 2, "AOA": 2, "ARS": 2, "AUD": 2, "AWG": 2, "AZN": 2,
	"BAM": 2, "BBD": 2, "BDT": 2, "BGN": 2, "BHD": 3, "BIF": 0, "BMD": 2, "BND": 2, "BOB": 2, "BRL": 2,
	"BSD": 2, "BTN": 2, "BWP": 2, "BYN": 2, "BZD": 2, "CAD": 2, "CDF": 2, "CHF": 2, "CLP": 0, "CNY": 2,
	"COP": 2, "CRC": 2, "CUP": 2, "CVE": 2, "CZK": 2, "DJF": 0, "DKK": 2, "DOP": 2, "DZD": 2, "EGP": 2,
	"ERN": 2, "ETB": 2, "EUR": 2, "FJD": 2, "FKP": 2, "GBP": 2, "GEL": 2, "GHS": 2, "GIP": 2, "GMD": 2,
	"GNF": 0, "GTQ": 2, "GYD": 2, "HKD": 2, "HNL": 2, "HTG": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2,
	"IQD": 3, "IRR": 2, "ISK": 0, "JMD": 2, "JOD": 3, "JPY": 0, "KES": 2, "KGS": 2, "KHR": 2, "KMF": 0,
	"KPW": 2, "KRW": 0, "KWD": 3, "KYD": 2, "KZT": 2, "LAK": 2, "LBP": 2, "LKR": 2, "LRD": 2, "LSL": 2,
	"LYD": 3, "MAD": 2, "MDL": 2, "MGA": 2, "MKD": 2, "MMK": 2, "MNT": 2, "MOP": 2, "MRU": 2, "MUR": 2,
	"MVR": 2, "MWK": 2, "MXN": 2, "MYR": 2, "MZN": 2, "NAD": 2, "NGN": 2, "NIO": 2, "NOK": 2, "NPR": 2,
	"NZD": 2, "OMR": 3, "PAB": 2, "PEN": 2, "PGK": 2, "PHP": 2, "PKR": 2, "PLN": 2, "PYG": 0, "QAR": 2,
	"RON": 2, "RSD": 2, "RUB": 2, "RWF": 0, "SAR": 2, "SBD": 2, "SCR": 2, "SDG": 2, "SEK": 2, "SGD": 2,
	"SHP": 2, "SLE": 2, "SOS": 2, "SRD": 2, "SSP": 2, "STN": 2, "SVC": 2, "SYP": 2, "SZL": 2, "THB": 2,
	"TJS": 2, "TMT": 2, "TND": 3, "TOP": 2, "TRY": 2, "TTD": 2, "TWD": 2, "TZS": 2, "UAH": 2, "UGX": 0,
	"USD": 2, "UYU": 2, "UZS": 2, "VES": 2, "VND": 0, "VUV": 0, "WST": 2, "XAF": 0, "XCD": 2, "XOF": 0,
	"XPF": 0, "YER": 2, "ZAR": 2, "ZMW": 2, "ZWG": 2,
}

// CurrencyExponent is the number of minor-unit digits of an ISO 4217
// currency (2 for USD, 0 for JPY); 2 for an unknown code.
func CurrencyExponent(code string) int {
	if e, ok := currencies[code]; ok {
		return e
	}
	return 2
}
