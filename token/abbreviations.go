package token

// abbreviations are the folded forms (see Fold) of the Spanish
// abbreviations after which a full stop does not end a sentence, even
// before a capital ("el Sr. Pérez", "la Dra. Rangel", "EE. UU. Luego"
// keeps "EE. UU." whole). Single letters (initials, "a. m.", "p. ej.")
// need no entry. Left out on purpose, because before a capital they
// usually end the sentence: "etc.", and words that are also ordinary
// words or acronyms ("don", "col", "CIA").
var abbreviations = map[string]struct{}{
	// Forms of address and titles.
	"sr": {}, "sra": {}, "srta": {}, "sres": {}, "sras": {}, "srs": {},
	"dr": {}, "dra": {}, "dres": {}, "dras": {}, "dña": {}, "dª": {},
	"ud": {}, "uds": {}, "vd": {}, "vds": {}, "ust": {},
	"lic": {}, "lcdo": {}, "lcda": {}, "ing": {}, "arq": {}, "prof": {}, "profa": {},
	"mtro": {}, "mtra": {}, "gral": {}, "cnel": {}, "tte": {}, "sgto": {},
	"pdte": {}, "pte": {}, "sto": {}, "sta": {}, "mons": {}, "hno": {}, "hna": {},
	"excmo": {}, "excma": {}, "ilmo": {}, "ilma": {},
	// Plural initials written doubled (EE. UU., FF. AA., RR. HH.); not
	// cc and mm, which are more often units at the end of a sentence.
	"ee": {}, "uu": {}, "aa": {}, "oo": {}, "ff": {}, "hh": {},
	"jj": {}, "rr": {}, "ss": {}, "vv": {},
	// References, addresses and measures.
	"num": {}, "nro": {}, "pag": {}, "pags": {}, "pp": {}, "cap": {}, "vol": {},
	"vols": {}, "ed": {}, "eds": {}, "art": {}, "arts": {}, "fig": {}, "figs": {},
	"ej": {}, "tel": {}, "av": {}, "avda": {}, "apdo": {}, "aprox": {},
	"dpto": {}, "depto": {}, "admon": {}, "atte": {}, "izq": {},
	"dcha": {}, "der": {}, "ref": {}, "obs": {}, "prov": {}, "pza": {},
}
