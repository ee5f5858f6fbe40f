package desk

// EntityHit is what the desk knows about one contact or identifier found
// in a job offer: whether staff put it on the desk's list (/flag), with
// their note, and how many earlier cases named it.
type EntityHit struct {
	Kind    string `db:"kind"`  // phone, handle, domain, company, crypto, account, email
	Value   string `db:"value"` // normalised by the jobcheck package
	Listed  bool   `db:"listed"`
	Note    string `db:"note"`
	Reports int    `db:"reports"` // recruiter reports (job_report cases) naming it
	Checks  int    `db:"checks"`  // other people's job checks naming it
}
