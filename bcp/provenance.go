package bcp

import (
	"crypto/sha256"
	"encoding/hex"
)

// A Provenance identifies the exact plan a decision was made with: its ID,
// its version and the fingerprint of its content, the hex SHA-256 of its
// canonical JSON ([Plan.MarshalJSON]). Two plans with the same fingerprint
// encode identically; a plan edited without a change of version still gets
// a new fingerprint, so an audit can tell them apart.
//
// The zero Provenance names no plan. Provenances are comparable with ==.
type Provenance struct {
	Plan        string `json:"plan"`
	Version     string `json:"version"`
	Fingerprint string `json:"fingerprint"`
}

// String returns "ID@VERSION#FINGERPRINT" with the fingerprint's first 12
// hex digits, for logs.
func (p Provenance) String() string {
	f := p.Fingerprint
	if len(f) > 12 {
		f = f[:12]
	}
	return p.Plan + "@" + p.Version + "#" + f
}

// Provenance returns p's ID, version and fingerprint: the hex SHA-256 of
// its canonical JSON ([Plan.MarshalJSON]). A plan that does not encode (an
// invalid enum value) is an error.
func (p Plan) Provenance() (Provenance, error) {
	b, err := p.MarshalJSON()
	if err != nil {
		return Provenance{}, err
	}
	sum := sha256.Sum256(b)
	return Provenance{Plan: p.ID, Version: p.Version, Fingerprint: hex.EncodeToString(sum[:])}, nil
}
