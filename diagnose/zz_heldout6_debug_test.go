package diagnose

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/deniedhq/denied/authzmsg"
	"github.com/deniedhq/denied/fix"
)

func TestZZHeldout6Debug(t *testing.T) {
	for _, e := range loadFixLayerEntries(t) {
		if e.ID != os.Getenv("ZZID") {
			continue
		}
		d, err := authzmsg.Parse(e.Text)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.MarshalIndent(d, "", " ")
		fmt.Println(string(b))
		p, h, ok := problemFor(d)
		fmt.Printf("problem ok=%v h=%+v layer=%s\n", ok, h, p.Layer)
		if ok {
			pl := fix.PlanFor(p, Options{}.Fix)
			fmt.Printf("plan err=%q fixes=%d others=%d\n", pl.Error, len(pl.Fixes), len(pl.Others()))
		}
		for _, f := range Diagnose(d, Options{}) {
			fmt.Printf("finding %s layer=%s plan=%v alts=%d\n", f.Rule, f.Layer, f.Plan != nil, len(f.Alternatives))
		}
	}
}
