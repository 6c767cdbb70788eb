package dialects

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func profile(t *testing.T, s *Set, tag string) *Profile {
	t.Helper()
	p, ok := s.Profile(tag)
	if !ok {
		t.Fatalf("no profile %s", tag)
	}
	return p
}

func TestChain(t *testing.T) {
	s := mustLoad(t)
	tests := []struct {
		tag  string
		want []string
	}{
		{"es", []string{"es"}},
		{"es-419", []string{"es-419", "es"}},
		{"es-VE", []string{"es-VE", "caribbean", "es-419", "es"}},
		{"es-VE-u-sd-vev", []string{"es-VE-u-sd-vev", "es-VE", "caribbean", "es-419", "es"}},
		{"es-ES", []string{"es-ES", "peninsular", "es"}},
		{"es-ES-u-sd-escn", []string{"es-ES-u-sd-escn", "es-ES", "peninsular", "es"}},
		{"es-AR", []string{"es-AR", "rioplatense", "es-419", "es"}},
		{"es-GT", []string{"es-GT", "central-american", "es-419", "es"}},
		{"es-MX", []string{"es-MX", "mexican", "es-419", "es"}},
		{"es-GQ", []string{"es-GQ", "african", "es"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, s.Chain(profile(t, s, tt.tag))); diff != "" {
			t.Errorf("Chain(%s) (-want +got):\n%s", tt.tag, diff)
		}
	}
	if got := s.Chain(nil); got != nil {
		t.Errorf("Chain(nil) = %v, want nil", got)
	}
	// A profile from outside the set is chained through its parent.
	outside := &Profile{Tag: "es-VE-u-sd-vea", Parent: "es-VE"}
	want := []string{"es-VE-u-sd-vea", "es-VE", "caribbean", "es-419", "es"}
	if diff := cmp.Diff(want, s.Chain(outside)); diff != "" {
		t.Errorf("Chain(outside) (-want +got):\n%s", diff)
	}
}

func TestEveryChainEndsAtRootThroughGroup(t *testing.T) {
	s := mustLoad(t)
	for _, p := range s.Profiles() {
		c := s.Chain(p)
		if c[len(c)-1] != "es" {
			t.Errorf("Chain(%s) = %v: does not end at es", p.Tag, c)
		}
		if p.Group != "" && !slices.Contains(c, p.Group) {
			t.Errorf("Chain(%s) = %v: misses its group %s", p.Tag, c, p.Group)
		}
	}
}

func TestMembers(t *testing.T) {
	s := mustLoad(t)
	tests := []struct {
		id   string
		want []string
	}{
		{"rioplatense", []string{"es-AR", "es-PY", "es-UY"}},
		{"caribbean", []string{"es-CU", "es-DO", "es-PA", "es-PR", "es-VE", "es-VE-u-sd-vev"}},
		{"central-american", []string{"es-CR", "es-GT", "es-HN", "es-NI", "es-SV"}},
		{"peninsular", []string{"es-ES", "es-ES-u-sd-escn"}},
		{"es-VE", []string{"es-VE-u-sd-vev"}},
		{"nowhere", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tagsOf(s.Members(tt.id))); diff != "" {
			t.Errorf("Members(%s) (-want +got):\n%s", tt.id, diff)
		}
	}
	for _, g := range s.Groups() {
		if len(s.Members(g.ID)) == 0 {
			t.Errorf("group %s has no members", g.ID)
		}
	}
	if n, all := len(s.Members("es")), len(s.Profiles()); n != all-1 {
		t.Errorf("Members(es) has %d profiles, want all but es (%d)", n, all-1)
	}
}

func TestGroups(t *testing.T) {
	s := mustLoad(t)
	var ids []string
	for _, g := range s.Groups() {
		ids = append(ids, g.ID)
	}
	want := []string{"african", "andean", "caribbean", "central-american", "chilean", "mexican", "peninsular", "philippine", "rioplatense", "us"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("group ids (-want +got):\n%s", diff)
	}
	g, ok := s.Group("caribbean")
	if !ok || g.Parent != "es-419" || g.Names.En != "Caribbean Spanish" {
		t.Errorf("Group(caribbean) = %+v, %v", g, ok)
	}
}

func TestProfileIsExact(t *testing.T) {
	s := mustLoad(t)
	for _, tag := range []string{"es-ve", "ve", "es_VE", "es-VE "} {
		if _, ok := s.Profile(tag); ok {
			t.Errorf("Profile(%q) found a profile; want exact canonical tags only", tag)
		}
	}
	s.Profiles()[0] = nil
	if s.Profiles()[0] == nil {
		t.Error("Profiles returned the Set's own slice")
	}
}

func TestAddress(t *testing.T) {
	s := mustLoad(t)
	type row struct {
		Tú, Vos, Vosotros bool
		Voseo             Voseo
	}
	tests := []struct {
		tag  string
		want row
	}{
		{"es", row{Tú: true, Voseo: Voseo{Type: "none"}}},
		{"es-ES", row{Tú: true, Vosotros: true, Voseo: Voseo{Type: "none"}}},
		{"es-ES-u-sd-escn", row{Tú: true, Voseo: Voseo{Type: "none"}}},
		{"es-GQ", row{Tú: true, Vosotros: true, Voseo: Voseo{Type: "none"}}},
		{"es-AR", row{Vos: true, Voseo: Voseo{Type: "both", Paradigm: "rioplatense"}}},
		{"es-UY", row{Tú: true, Vos: true, Voseo: Voseo{Type: "both", Paradigm: "rioplatense"}}},
		{"es-CL", row{Tú: true, Voseo: Voseo{Type: "verbal", Paradigm: "chilean"}}},
		{"es-VE", row{Tú: true, Voseo: Voseo{Type: "none"}}},
		{"es-VE-u-sd-vev", row{Tú: true, Vos: true, Voseo: Voseo{Type: "both", Paradigm: "zulian"}}},
		{"es-CO-u-sd-coant", row{Tú: true, Vos: true, Voseo: Voseo{Type: "both", Paradigm: "rioplatense"}}},
		{"es-NI", row{Tú: true, Vos: true, Voseo: Voseo{Type: "both", Paradigm: "central-american"}}},
		{"es-MX", row{Tú: true, Voseo: Voseo{Type: "none"}}},
	}
	for _, tt := range tests {
		a := profile(t, s, tt.tag).Address
		got := row{a.HasInformal("tú"), a.HasInformal("vos"), a.UsesVosotros(), a.Voseo}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s address (-want +got):\n%s", tt.tag, diff)
		}
	}
}

// ustedes is the only plural address in the Americas (DPD "usted" §4).
func TestAmericasUseUstedes(t *testing.T) {
	s := mustLoad(t)
	for _, p := range append(s.Members("es-419"), profile(t, s, "es-419")) {
		if p.Address.UsesVosotros() {
			t.Errorf("%s uses vosotros; the Americas use ustedes", p.Tag)
		}
	}
}

func TestRecentPast(t *testing.T) {
	s := mustLoad(t)
	want := map[string]string{"es": "", "es-ES": "perfect", "es-ES-u-sd-escn": "preterite", "es-MX": "preterite", "es-AR": "preterite"}
	for tag, past := range want {
		if got := profile(t, s, tag).Tenses.RecentPast; got != past {
			t.Errorf("%s recent past = %q, want %q", tag, got, past)
		}
	}
	for _, tag := range []string{"es-BO", "es-PE"} {
		if profile(t, s, tag).Tenses.Notes == "" {
			t.Errorf("%s: the Andean use of the perfect needs a hedging note", tag)
		}
	}
}
