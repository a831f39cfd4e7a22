package meili

// A fake Meilisearch: an httptest server implementing the part of
// Meilisearch's documented HTTP API the adapter uses, which checks every
// request against that documentation (paths, methods, Authorization: Bearer,
// Content-Type, JSON body shapes and keys) and answers with the documented
// shapes: summarized tasks on 202, task objects moving enqueued → processing
// → succeeded/failed, error objects {message, code, type, link}, and search
// responses. It stores documents and evaluates searches (filter expressions
// are parsed the way Meilisearch's filter parser reads them), so tests can
// check results as well as requests. Text matching and ranking imitate
// Meilisearch's defaults closely enough for the behaviour suite (typo
// budgets, last-word prefix, matching strategy "last", the ranking rules of
// the index in their order); see rankText.

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
)

const fakeKey = "test-master-key"

type apiErr struct {
	Status  int    `json:"-"`
	Message string `json:"message"`
	Code    string `json:"code"`
	Type    string `json:"type"`
	Link    string `json:"link"`
}

func mkErr(status int, code, typ, msg string) *apiErr {
	return &apiErr{Status: status, Message: msg, Code: code, Type: typ, Link: "https://docs.meilisearch.com/errors#" + code}
}

type fakeIndex struct {
	uid        string
	primaryKey string
	createdAt  time.Time
	updatedAt  time.Time
	settings   map[string]any // merged PATCH bodies
	docs       map[string]map[string]any
	order      []string // insertion order of ids
}

type fakeTask struct {
	uid        int64
	indexUID   string
	typ        string
	status     string
	enqueuedAt time.Time
	startedAt  time.Time
	finishedAt time.Time
	polls      int
	apply      func() *apiErr // run when the task is processed
	err        *apiErr
	details    map[string]any
}

type request struct {
	Method string
	Path   string
	Query  string
	Body   json.RawMessage
}

type injected struct {
	method, path string
	status       int
	body         string
}

type fakeMeili struct {
	t   testing.TB
	srv *httptest.Server
	key string

	mu       sync.Mutex
	indexes  map[string]*fakeIndex
	tasks    map[int64]*fakeTask
	nextTask int64
	log      []request

	failNextTask *apiErr        // the next task created fails with this error
	stuck        bool           // tasks never leave "processing"
	inject       []injected     // answered instead of the next matching request
	delay        time.Duration  // every response is delayed
	lastFilter   []condition    // conditions of the last search filter
	taskPolls    map[int64]bool // tasks polled at least once
	// noPrefixTypos turns off typos on the last-word prefix (see
	// TestBehaviourSuiteOnFake).
	noPrefixTypos bool
}

func newFake(t testing.TB) *fakeMeili {
	f := &fakeMeili{t: t, key: fakeKey, indexes: map[string]*fakeIndex{}, tasks: map[int64]*fakeTask{}, taskPolls: map[int64]bool{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// requests returns the logged requests (method path?query) and resets the log.
func (f *fakeMeili) takeLog() []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	l := f.log
	f.log = nil
	return l
}

func (f *fakeMeili) injectOnce(method, path string, status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inject = append(f.inject, injected{method, path, status, body})
}

var (
	reIndex       = regexp.MustCompile(`^/indexes/([A-Za-z0-9_-]+)$`)
	reSettings    = regexp.MustCompile(`^/indexes/([A-Za-z0-9_-]+)/settings$`)
	reRanking     = regexp.MustCompile(`^/indexes/([A-Za-z0-9_-]+)/settings/ranking-rules$`)
	reDocuments   = regexp.MustCompile(`^/indexes/([A-Za-z0-9_-]+)/documents$`)
	reDeleteBatch = regexp.MustCompile(`^/indexes/([A-Za-z0-9_-]+)/documents/delete-batch$`)
	reSearch      = regexp.MustCompile(`^/indexes/([A-Za-z0-9_-]+)/search$`)
	reTask        = regexp.MustCompile(`^/tasks/([0-9]+)$`)
)

func (f *fakeMeili) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	delay := f.delay
	f.log = append(f.log, request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: json.RawMessage(body)})
	for i, in := range f.inject {
		if in.method == r.Method && in.path == r.URL.Path {
			f.inject = slices.Delete(f.inject, i, i+1)
			f.mu.Unlock()
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(in.status)
			_, _ = io.WriteString(w, in.body)
			return
		}
	}
	f.mu.Unlock()
	if delay > 0 {
		time.Sleep(delay)
	}

	// Authorization: Bearer <key> on every route (docs: reference/api/overview#authorization).
	auth := r.Header.Get("Authorization")
	if auth == "" {
		f.t.Errorf("%s %s: no Authorization header", r.Method, r.URL.Path)
		f.writeErr(w, mkErr(401, "missing_authorization_header", "auth", "The Authorization header is missing. It must use the bearer authorization method."))
		return
	}
	if auth != "Bearer "+f.key {
		f.writeErr(w, mkErr(403, "invalid_api_key", "auth", "The provided API key is invalid."))
		return
	}
	if len(body) > 0 && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		f.t.Errorf("%s %s: Content-Type %q, want application/json", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
		f.writeErr(w, mkErr(415, "invalid_content_type", "invalid_request", "The Content-Type is not supported."))
		return
	}
	if (r.Method == http.MethodGet || r.Method == http.MethodDelete) && len(body) > 0 {
		f.t.Errorf("%s %s: unexpected body %s", r.Method, r.URL.Path, body)
	}

	f.mu.Lock()
	defer f.mu.Unlock()
	p := r.URL.Path
	switch {
	case p == "/indexes" && r.Method == http.MethodPost:
		f.createIndex(w, body)
	case reIndex.MatchString(p) && r.Method == http.MethodGet:
		f.getIndex(w, reIndex.FindStringSubmatch(p)[1])
	case reRanking.MatchString(p) && r.Method == http.MethodGet:
		f.getRankingRules(w, reRanking.FindStringSubmatch(p)[1])
	case reSettings.MatchString(p) && r.Method == http.MethodPatch:
		f.updateSettings(w, reSettings.FindStringSubmatch(p)[1], body)
	case reDocuments.MatchString(p) && r.Method == http.MethodPost:
		f.addDocuments(w, reDocuments.FindStringSubmatch(p)[1], r, body)
	case reDocuments.MatchString(p) && r.Method == http.MethodDelete:
		f.deleteAll(w, reDocuments.FindStringSubmatch(p)[1])
	case reDeleteBatch.MatchString(p) && r.Method == http.MethodPost:
		f.deleteBatch(w, reDeleteBatch.FindStringSubmatch(p)[1], body)
	case reSearch.MatchString(p) && r.Method == http.MethodPost:
		f.search(w, reSearch.FindStringSubmatch(p)[1], body)
	case reTask.MatchString(p) && r.Method == http.MethodGet:
		uid, _ := strconv.ParseInt(reTask.FindStringSubmatch(p)[1], 10, 64)
		f.getTask(w, uid)
	default:
		f.t.Errorf("undocumented or unexpected route: %s %s", r.Method, p)
		f.writeErr(w, mkErr(404, "not_found", "invalid_request", "Route not found"))
	}
}

func (f *fakeMeili) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		f.t.Errorf("encode response: %v", err)
	}
}

func (f *fakeMeili) writeErr(w http.ResponseWriter, e *apiErr) { f.writeJSON(w, e.Status, e) }

// decodeStrict decodes body into a JSON object and checks its keys against
// allowed (the documented body parameters); an unknown key is a bad_request,
// as Meilisearch answers.
func (f *fakeMeili) decodeObject(w http.ResponseWriter, route string, body []byte, allowed ...string) (map[string]json.RawMessage, bool) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		f.t.Errorf("%s: body is not a JSON object: %s", route, body)
		f.writeErr(w, mkErr(400, "bad_request", "invalid_request", "The json payload provided is malformed."))
		return nil, false
	}
	for k := range m {
		if !slices.Contains(allowed, k) {
			f.t.Errorf("%s: undocumented body key %q in %s", route, k, body)
			f.writeErr(w, mkErr(400, "bad_request", "invalid_request", fmt.Sprintf("Unknown field `%s`", k)))
			return nil, false
		}
	}
	return m, true
}

// enqueue answers 202 with the documented summarized task object.
func (f *fakeMeili) enqueue(w http.ResponseWriter, indexUID, typ string, details map[string]any, apply func() *apiErr) {
	f.nextTask++
	t := &fakeTask{uid: f.nextTask, indexUID: indexUID, typ: typ, status: "enqueued", enqueuedAt: time.Now().UTC(), apply: apply, details: details}
	if f.failNextTask != nil {
		e := f.failNextTask
		f.failNextTask = nil
		t.apply = func() *apiErr { return e }
	}
	f.tasks[t.uid] = t
	f.writeJSON(w, http.StatusAccepted, map[string]any{
		"taskUid":    t.uid,
		"indexUid":   indexUID,
		"status":     "enqueued",
		"type":       typ,
		"enqueuedAt": t.enqueuedAt.Format(time.RFC3339Nano),
	})
}

// getTask answers GET /tasks/{uid}: the first poll sees the task
// processing, the second sees it finished (documented statuses).
func (f *fakeMeili) getTask(w http.ResponseWriter, uid int64) {
	t, ok := f.tasks[uid]
	if !ok {
		f.writeErr(w, mkErr(404, "task_not_found", "invalid_request", fmt.Sprintf("Task `%d` not found.", uid)))
		return
	}
	f.taskPolls[uid] = true
	t.polls++
	switch {
	case t.status == "enqueued":
		t.status = "processing"
		t.startedAt = time.Now().UTC()
	case t.status == "processing" && !f.stuck:
		if e := t.apply(); e != nil {
			t.status, t.err = "failed", e
		} else {
			t.status = "succeeded"
		}
		t.finishedAt = time.Now().UTC()
	}
	obj := map[string]any{
		"uid":        t.uid,
		"batchUid":   nil,
		"indexUid":   t.indexUID,
		"status":     t.status,
		"type":       t.typ,
		"canceledBy": nil,
		"details":    t.details,
		"error":      nil,
		"duration":   nil,
		"enqueuedAt": t.enqueuedAt.Format(time.RFC3339Nano),
		"startedAt":  nil,
		"finishedAt": nil,
	}
	if !t.startedAt.IsZero() {
		obj["startedAt"] = t.startedAt.Format(time.RFC3339Nano)
	}
	if !t.finishedAt.IsZero() {
		obj["finishedAt"] = t.finishedAt.Format(time.RFC3339Nano)
		obj["duration"] = "PT0.001S"
	}
	if t.err != nil {
		obj["error"] = t.err
	}
	f.writeJSON(w, http.StatusOK, obj)
}

func indexNotFound(uid string) *apiErr {
	return mkErr(404, "index_not_found", "invalid_request", fmt.Sprintf("Index `%s` not found.", uid))
}

func (f *fakeMeili) createIndex(w http.ResponseWriter, body []byte) {
	m, ok := f.decodeObject(w, "POST /indexes", body, "uid", "primaryKey")
	if !ok {
		return
	}
	var uid, pk string
	if err := json.Unmarshal(m["uid"], &uid); err != nil || uid == "" {
		f.t.Errorf("POST /indexes: uid missing or not a string: %s", body)
		f.writeErr(w, mkErr(400, "missing_index_uid", "invalid_request", "Missing field `uid`"))
		return
	}
	if raw, ok := m["primaryKey"]; ok {
		if err := json.Unmarshal(raw, &pk); err != nil {
			f.t.Errorf("POST /indexes: primaryKey not a string: %s", body)
		}
	}
	f.enqueue(w, uid, "indexCreation", map[string]any{"primaryKey": pk}, func() *apiErr {
		if _, ok := f.indexes[uid]; ok {
			return mkErr(409, "index_already_exists", "invalid_request", fmt.Sprintf("Index `%s` already exists.", uid))
		}
		now := time.Now().UTC()
		f.indexes[uid] = &fakeIndex{uid: uid, primaryKey: pk, createdAt: now, updatedAt: now, settings: map[string]any{}, docs: map[string]map[string]any{}}
		return nil
	})
}

func (f *fakeMeili) getIndex(w http.ResponseWriter, uid string) {
	ix, ok := f.indexes[uid]
	if !ok {
		f.writeErr(w, indexNotFound(uid))
		return
	}
	var pk any
	if ix.primaryKey != "" {
		pk = ix.primaryKey
	}
	f.writeJSON(w, http.StatusOK, map[string]any{
		"uid": ix.uid, "createdAt": ix.createdAt.Format(time.RFC3339Nano), "updatedAt": ix.updatedAt.Format(time.RFC3339Nano), "primaryKey": pk,
	})
}

// defaultRanking is what Meilisearch reports for an index whose ranking
// rules were never set (documented default).
var defaultRanking = []any{"words", "typo", "proximity", "attribute", "sort", "exactness"}

func (f *fakeMeili) rankingRules(ix *fakeIndex) []any {
	if r, ok := ix.settings["rankingRules"].([]any); ok {
		return r
	}
	return defaultRanking
}

func (f *fakeMeili) getRankingRules(w http.ResponseWriter, uid string) {
	ix, ok := f.indexes[uid]
	if !ok {
		f.writeErr(w, indexNotFound(uid))
		return
	}
	f.writeJSON(w, http.StatusOK, f.rankingRules(ix))
}

// settingsKeys are the documented keys of the settings object.
var settingsKeys = []string{
	"displayedAttributes", "searchableAttributes", "filterableAttributes", "sortableAttributes", "rankingRules",
	"stopWords", "nonSeparatorTokens", "separatorTokens", "dictionary", "synonyms", "distinctAttribute",
	"proximityPrecision", "typoTolerance", "faceting", "pagination", "embedders", "searchCutoffMs",
	"localizedAttributes", "facetSearch", "prefixSearch",
}

var builtinRules = []string{"words", "typo", "proximity", "attribute", "attributeRank", "wordPosition", "sort", "exactness"}

func (f *fakeMeili) updateSettings(w http.ResponseWriter, uid string, body []byte) {
	route := "PATCH /indexes/" + uid + "/settings"
	m, ok := f.decodeObject(w, route, body, settingsKeys...)
	if !ok {
		return
	}
	bad := func(code, msg string) {
		f.t.Errorf("%s: %s", route, msg)
		f.writeErr(w, mkErr(400, code, "invalid_request", msg))
	}
	for _, k := range []string{"searchableAttributes", "filterableAttributes", "sortableAttributes", "rankingRules"} {
		raw, ok := m[k]
		if !ok {
			continue
		}
		var ss []string
		if err := json.Unmarshal(raw, &ss); err != nil {
			bad("invalid_settings_"+k, k+" must be an array of strings, got "+string(raw))
			return
		}
		if k == "rankingRules" {
			for _, r := range ss {
				if !slices.Contains(builtinRules, r) && !regexp.MustCompile(`^[A-Za-z0-9_.]+:(asc|desc)$`).MatchString(r) {
					bad("invalid_settings_ranking_rules", "unknown ranking rule "+r)
					return
				}
			}
		}
	}
	if raw, ok := m["typoTolerance"]; ok {
		var tt map[string]json.RawMessage
		if err := json.Unmarshal(raw, &tt); err != nil {
			bad("invalid_settings_typo_tolerance", "typoTolerance must be an object")
			return
		}
		for k := range tt {
			if !slices.Contains([]string{"enabled", "minWordSizeForTypos", "disableOnWords", "disableOnAttributes", "disableOnNumbers"}, k) {
				bad("invalid_settings_typo_tolerance", "unknown typoTolerance key "+k)
				return
			}
		}
		if mw, ok := tt["minWordSizeForTypos"]; ok {
			var sizes struct {
				OneTypo  *int `json:"oneTypo"`
				TwoTypos *int `json:"twoTypos"`
			}
			if err := json.Unmarshal(mw, &sizes); err != nil || sizes.OneTypo == nil || sizes.TwoTypos == nil || *sizes.OneTypo > *sizes.TwoTypos {
				bad("invalid_settings_typo_tolerance", "minWordSizeForTypos needs oneTypo <= twoTypos: "+string(mw))
				return
			}
		}
	}
	if raw, ok := m["faceting"]; ok {
		var fc map[string]json.RawMessage
		_ = json.Unmarshal(raw, &fc)
		for k, v := range fc {
			switch k {
			case "maxValuesPerFacet":
				var n int
				if json.Unmarshal(v, &n) != nil || n < 0 {
					bad("invalid_settings_faceting", "maxValuesPerFacet must be a positive integer")
					return
				}
			case "sortFacetValuesBy":
				var by map[string]string
				if json.Unmarshal(v, &by) != nil {
					bad("invalid_settings_faceting", "sortFacetValuesBy must be an object")
					return
				}
				for _, s := range by {
					if s != "alpha" && s != "count" {
						bad("invalid_settings_faceting", "sortFacetValuesBy values are alpha or count")
						return
					}
				}
			default:
				bad("invalid_settings_faceting", "unknown faceting key "+k)
				return
			}
		}
	}
	if raw, ok := m["pagination"]; ok {
		var pg map[string]json.RawMessage
		_ = json.Unmarshal(raw, &pg)
		for k := range pg {
			if k != "maxTotalHits" {
				bad("invalid_settings_pagination", "unknown pagination key "+k)
				return
			}
		}
	}
	var decoded map[string]any
	_ = json.Unmarshal(body, &decoded)
	f.enqueue(w, uid, "settingsUpdate", decoded, func() *apiErr {
		ix, ok := f.indexes[uid]
		if !ok { // the update settings route creates the index
			now := time.Now().UTC()
			ix = &fakeIndex{uid: uid, createdAt: now, settings: map[string]any{}, docs: map[string]map[string]any{}}
			f.indexes[uid] = ix
		}
		for k, v := range decoded {
			ix.settings[k] = v
		}
		ix.updatedAt = time.Now().UTC()
		return nil
	})
}

func (f *fakeMeili) addDocuments(w http.ResponseWriter, uid string, r *http.Request, body []byte) {
	route := "POST /indexes/" + uid + "/documents"
	for k := range r.URL.Query() {
		if k != "primaryKey" && k != "csvDelimiter" && k != "customMetadata" && k != "skipCreation" {
			f.t.Errorf("%s: undocumented query parameter %q", route, k)
		}
	}
	pkParam := r.URL.Query().Get("primaryKey")
	var docs []map[string]any
	if err := json.Unmarshal(body, &docs); err != nil {
		f.t.Errorf("%s: body is not an array of objects: %v", route, err)
		f.writeErr(w, mkErr(400, "malformed_payload", "invalid_request", "The `json` payload provided is malformed."))
		return
	}
	f.enqueue(w, uid, "documentAdditionOrUpdate", map[string]any{"receivedDocuments": len(docs), "indexedDocuments": nil}, func() *apiErr {
		ix, ok := f.indexes[uid]
		if !ok { // documented: adding documents creates the index
			now := time.Now().UTC()
			ix = &fakeIndex{uid: uid, createdAt: now, settings: map[string]any{}, docs: map[string]map[string]any{}}
			f.indexes[uid] = ix
		}
		if ix.primaryKey == "" {
			ix.primaryKey = pkParam
		}
		if ix.primaryKey == "" {
			return mkErr(400, "index_primary_key_no_candidate_found", "invalid_request", "The primary key inference failed.")
		}
		for _, d := range docs {
			id, ok := d[ix.primaryKey].(string)
			if !ok || id == "" {
				return mkErr(400, "missing_document_id", "invalid_request", "Document doesn't have a `"+ix.primaryKey+"` attribute.")
			}
		}
		for _, d := range docs { // add or replace: the whole document
			id := d[ix.primaryKey].(string)
			if _, ok := ix.docs[id]; !ok {
				ix.order = append(ix.order, id)
			}
			ix.docs[id] = d
		}
		return nil
	})
}

func (f *fakeMeili) deleteBatch(w http.ResponseWriter, uid string, body []byte) {
	var ids []any
	if err := json.Unmarshal(body, &ids); err != nil {
		f.t.Errorf("POST delete-batch: body is not an array: %s", body)
		f.writeErr(w, mkErr(400, "bad_request", "invalid_request", "expected an array of document ids"))
		return
	}
	for _, id := range ids {
		switch id.(type) {
		case string, float64:
		default:
			f.t.Errorf("POST delete-batch: id %v is not a string or integer", id)
		}
	}
	f.enqueue(w, uid, "documentDeletion", map[string]any{"providedIds": len(ids), "deletedDocuments": nil, "originalFilter": nil}, func() *apiErr {
		ix, ok := f.indexes[uid]
		if !ok {
			return indexNotFound(uid)
		}
		for _, id := range ids {
			s := fmt.Sprint(id)
			delete(ix.docs, s)
			ix.order = slices.DeleteFunc(ix.order, func(x string) bool { return x == s })
		}
		return nil
	})
}

func (f *fakeMeili) deleteAll(w http.ResponseWriter, uid string) {
	f.enqueue(w, uid, "documentDeletion", map[string]any{"deletedDocuments": nil}, func() *apiErr {
		ix, ok := f.indexes[uid]
		if !ok {
			return indexNotFound(uid)
		}
		ix.docs, ix.order = map[string]map[string]any{}, nil
		return nil
	})
}

// searchKeys are the documented search parameters (POST /indexes/{uid}/search).
var searchKeys = []string{
	"q", "offset", "limit", "hitsPerPage", "page", "filter", "facets", "distinct", "attributesToRetrieve",
	"attributesToCrop", "cropLength", "cropMarker", "attributesToHighlight", "highlightPreTag", "highlightPostTag",
	"showMatchesPosition", "sort", "matchingStrategy", "showRankingScore", "showRankingScoreDetails",
	"rankingScoreThreshold", "attributesToSearchOn", "hybrid", "vector", "retrieveVectors", "locales",
}

func (f *fakeMeili) stringsSetting(ix *fakeIndex, key string) []string {
	var out []string
	if l, ok := ix.settings[key].([]any); ok {
		for _, v := range l {
			out = append(out, v.(string))
		}
	}
	return out
}

func (f *fakeMeili) search(w http.ResponseWriter, uid string, body []byte) {
	route := "POST /indexes/" + uid + "/search"
	m, ok := f.decodeObject(w, route, body, searchKeys...)
	if !ok {
		return
	}
	ix, ok := f.indexes[uid]
	if !ok {
		f.writeErr(w, indexNotFound(uid))
		return
	}
	bad := func(code, msg string) { f.writeErr(w, mkErr(400, code, "invalid_request", msg)) }
	intParam := func(k string) (int, bool, bool) {
		raw, ok := m[k]
		if !ok || string(raw) == "null" {
			return 0, false, true
		}
		var n int
		if err := json.Unmarshal(raw, &n); err != nil || n < 0 {
			bad("invalid_search_"+strings.ToLower(k), k+" must be a positive integer")
			return 0, false, false
		}
		return n, true, true
	}
	var q string
	if raw, ok := m["q"]; ok && string(raw) != "null" {
		if err := json.Unmarshal(raw, &q); err != nil {
			bad("invalid_search_q", "q must be a string")
			return
		}
	}
	if raw, ok := m["hybrid"]; ok && string(raw) != "null" {
		f.t.Errorf("%s: unexpected hybrid search %s", route, raw)
	}
	var facets, sortRules, retrieve []string
	for k, dst := range map[string]*[]string{"facets": &facets, "sort": &sortRules, "attributesToRetrieve": &retrieve} {
		if raw, ok := m[k]; ok && string(raw) != "null" {
			if err := json.Unmarshal(raw, dst); err != nil {
				bad("invalid_search_"+k, k+" must be an array of strings")
				return
			}
		}
	}
	filterable := f.stringsSetting(ix, "filterableAttributes")
	sortable := f.stringsSetting(ix, "sortableAttributes")
	searchable := f.stringsSetting(ix, "searchableAttributes")
	for _, fa := range facets {
		if !slices.Contains(filterable, fa) {
			bad("invalid_search_facets", "Attribute `"+fa+"` is not filterable.")
			return
		}
	}
	var sorters []sortRule
	for _, s := range sortRules {
		attr, dir, ok := strings.Cut(s, ":")
		if !ok || (dir != "asc" && dir != "desc") || !slices.Contains(sortable, attr) {
			bad("invalid_search_sort", "Attribute `"+s+"` is not sortable or malformed.")
			return
		}
		sorters = append(sorters, sortRule{attr, dir == "desc"})
	}
	if len(sorters) > 0 && !slices.Contains(f.rankingRules(ix), any("sort")) {
		bad("invalid_search_sort", "You must specify where `sort` is listed in the rankingRules setting to use the sort parameter at search time.")
		return
	}
	var cond node
	f.lastFilter = nil
	if raw, ok := m["filter"]; ok && string(raw) != "null" {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			f.t.Errorf("%s: filter is not a string: %s", route, raw)
			bad("invalid_search_filter", "filter must be a string")
			return
		}
		n, conds, err := parseFilter(s)
		if err != nil {
			bad("invalid_search_filter", err.Error())
			return
		}
		for _, c := range conds {
			if !slices.Contains(filterable, c.attr) {
				bad("invalid_search_filter", "Attribute `"+c.attr+"` is not filterable.")
				return
			}
		}
		cond, f.lastFilter = n, conds
	}
	offset, hasOffset, ok1 := intParam("offset")
	limit, hasLimit, ok2 := intParam("limit")
	page, hasPage, ok3 := intParam("page")
	hpp, hasHPP, ok4 := intParam("hitsPerPage")
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return
	}

	// Evaluate.
	words, lastPrefix := queryWords(q)
	type hit struct {
		doc map[string]any
		r   textRank
	}
	var hs []hit
	for _, id := range ix.order {
		d := ix.docs[id]
		if cond != nil && !cond.eval(d) {
			continue
		}
		r, ok := rankText(d, searchable, words, lastPrefix, !f.noPrefixTypos)
		if !ok {
			continue
		}
		hs = append(hs, hit{d, r})
	}
	rules := f.rankingRules(ix)
	sort.SliceStable(hs, func(i, j int) bool {
		a, b := hs[i], hs[j]
		for _, rule := range rules {
			c := 0
			switch rule {
			case "words":
				c = b.r.words - a.r.words
			case "typo":
				c = a.r.typos - b.r.typos
			case "attribute", "attributeRank":
				c = a.r.attr - b.r.attr
			case "wordPosition":
				c = a.r.pos - b.r.pos
			case "sort":
				if less(a.doc, b.doc, sorters) {
					c = -1
				} else if less(b.doc, a.doc, sorters) {
					c = 1
				}
			}
			if rule == "attribute" && c == 0 { // attribute = attributeRank + wordPosition
				c = a.r.pos - b.r.pos
			}
			if c != 0 {
				return c < 0
			}
		}
		return false
	})
	matches := make([]map[string]any, len(hs))
	for i, h := range hs {
		matches[i] = h.doc
	}
	maxTotal := 1000
	if pg, ok := ix.settings["pagination"].(map[string]any); ok {
		maxTotal = int(pg["maxTotalHits"].(float64))
	}
	if len(matches) > maxTotal {
		matches = matches[:maxTotal]
	}
	resp := map[string]any{"query": q, "processingTimeMs": 0}
	from, to := 0, 0
	if hasPage || hasHPP {
		if !hasPage {
			page = 1
		}
		if !hasHPP {
			hpp = 20
		}
		if page >= 1 {
			from, to = (page-1)*hpp, page*hpp
		}
		totalPages := 0
		if hpp > 0 {
			totalPages = (len(matches) + hpp - 1) / hpp
		}
		resp["page"], resp["hitsPerPage"], resp["totalHits"], resp["totalPages"] = page, hpp, len(matches), totalPages
	} else {
		if !hasLimit {
			limit = 20
		}
		from, to = offset, offset+limit
		resp["offset"], resp["limit"], resp["estimatedTotalHits"] = offset, limit, len(matches)
		_ = hasOffset
	}
	hits := []map[string]any{}
	for i := from; i < to && i < len(matches); i++ {
		h := map[string]any{}
		for k, v := range matches[i] {
			if len(retrieve) == 0 || slices.Contains(retrieve, "*") || slices.Contains(retrieve, k) {
				h[k] = v
			}
		}
		hits = append(hits, h)
	}
	resp["hits"] = hits
	if len(facets) > 0 {
		dist := map[string]map[string]int{}
		for _, fa := range facets {
			dist[fa] = map[string]int{}
			for _, d := range matches {
				for _, v := range values(d[fa]) {
					dist[fa][facetKey(v)]++
				}
			}
		}
		resp["facetDistribution"] = dist
	}
	f.writeJSON(w, http.StatusOK, resp)
}

// Text matching the way Meilisearch does by default: query and documents
// are split into lower-cased words; a query word of 1-4 characters must
// match exactly, 5-8 tolerates one typo, 9 or more two; the last query word
// also matches as a prefix unless the query ends with a space; matching
// strategy "last": a document must match the first word, and ranks by how
// many words it matches from the start. (Phrase quotes are ignored.)

type textRank struct {
	words, typos, attr, pos int
}

func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func queryWords(q string) ([]string, bool) {
	var out []string
	for _, w := range splitWords(q) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	trimmed := strings.TrimRightFunc(q, unicode.IsSpace)
	return out, trimmed == q
}

func typoBudget(w string) int {
	switch n := len([]rune(w)); {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// wordTypos is the number of typos with which query word q matches document
// word w, or -1. As in Meilisearch (milli's word derivations), a typo on the
// first letter counts as two, and the last query word matches prefixes with
// typos too (a Levenshtein prefix automaton) unless prefixTypos is off.
func wordTypos(q, w string, prefix, prefixTypos bool) int {
	if q == w || (prefix && strings.HasPrefix(w, q)) {
		return 0
	}
	budget := typoBudget(q)
	rq, rw := []rune(q), []rune(w)
	cost := func(d int, cand []rune) int {
		if d > 0 && len(cand) > 0 && cand[0] != rq[0] {
			d++
		}
		if d > budget {
			return -1
		}
		return d
	}
	best := cost(levenshtein(q, w), rw)
	if prefix && prefixTypos {
		for n := max(1, len(rq)-budget); n <= min(len(rw), len(rq)+budget); n++ {
			if d := cost(levenshtein(q, string(rw[:n])), rw[:n]); d >= 0 && (best < 0 || d < best) {
				best = d
			}
		}
	}
	return best
}

func rankText(d map[string]any, searchable, words []string, lastPrefix, prefixTypos bool) (textRank, bool) {
	if len(words) == 0 {
		return textRank{}, true
	}
	r := textRank{attr: 1 << 30, pos: 1 << 30}
	for i, q := range words {
		prefix := lastPrefix && i == len(words)-1
		best, bestAttr, bestPos := -1, 0, 0
		for ai, a := range searchable {
			pos := 0
			for _, v := range values(d[a]) {
				s, ok := v.(string)
				if !ok {
					continue
				}
				for _, w := range splitWords(s) {
					if t := wordTypos(q, w, prefix, prefixTypos); t >= 0 && (best < 0 || t < best || (t == best && (ai < bestAttr || (ai == bestAttr && pos < bestPos)))) {
						best, bestAttr, bestPos = t, ai, pos
					}
					pos++
				}
			}
		}
		if best < 0 {
			break
		}
		r.words++
		r.typos += best
		r.attr = min(r.attr, bestAttr)
		r.pos = min(r.pos, bestPos)
	}
	return r, r.words > 0
}

type sortRule struct {
	attr string
	desc bool
}

func less(a, b map[string]any, rules []sortRule) bool {
	for _, r := range rules {
		c := compare(a[r.attr], b[r.attr])
		if c == 0 {
			continue
		}
		if r.desc {
			return c > 0
		}
		return c < 0
	}
	return false
}

func compare(a, b any) int {
	switch x := a.(type) {
	case float64:
		if y, ok := b.(float64); ok {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
		return -1 // numbers before strings
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(strings.ToLower(x), strings.ToLower(y))
		}
		return 1
	}
	return 0
}

func values(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

func facetKey(v any) string {
	if f, ok := v.(float64); ok {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// ---- Filter expressions ------------------------------------------------------------
//
// A parser for the filter grammar of Meilisearch's filter-parser crate
// (crates/filter-parser/src/lib.rs, value.rs):
//
//	expression = or
//	or         = and ("OR" and)*
//	and        = not ("AND" not)*
//	not        = "NOT" not | primary
//	primary    = "(" expression ")" | condition
//	condition  = value ("=" | "!=" | ">" | ">=" | "<" | "<=") value
//	           | value value "TO" value
//	           | value ["NOT"] "IN" "[" value ("," value)* "]"
//	           | value ["NOT"] "EXISTS"
//	value      = word | "'" ... "'" | '"' ... '"'
//	word       = (alphanumeric | _ | - | .)+  except keywords
//
// Quoted values are read as Meilisearch reads them: up to the first quote
// not preceded by a backslash (a backslash always consumes the next
// character); then `\<quote>` is unescaped, then the remaining backslash
// escapes (`\\`, `\n`, ...) are.

type condition struct {
	attr   string
	op     string // = != > >= < <= TO IN EXISTS
	values []string
}

type node interface{ eval(map[string]any) bool }

type andNode struct{ l, r node }
type orNode struct{ l, r node }
type notNode struct{ n node }
type condNode struct{ c condition }

func (n andNode) eval(d map[string]any) bool { return n.l.eval(d) && n.r.eval(d) }
func (n orNode) eval(d map[string]any) bool  { return n.l.eval(d) || n.r.eval(d) }
func (n notNode) eval(d map[string]any) bool { return !n.n.eval(d) }
func (n condNode) eval(d map[string]any) bool {
	c := n.c
	v, exists := d[c.attr]
	if c.op == "EXISTS" {
		return exists
	}
	num := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	for _, x := range values(v) {
		switch c.op {
		case "=", "IN":
			for _, want := range c.values {
				if equal(x, want) {
					return true
				}
			}
		case "!=":
			return !condNode{condition{c.attr, "=", c.values}}.eval(d)
		default:
			f, ok := x.(float64)
			if !ok {
				continue
			}
			switch c.op {
			case ">":
				if f > num(c.values[0]) {
					return true
				}
			case ">=":
				if f >= num(c.values[0]) {
					return true
				}
			case "<":
				if f < num(c.values[0]) {
					return true
				}
			case "<=":
				if f <= num(c.values[0]) {
					return true
				}
			case "TO":
				if f >= num(c.values[0]) && f <= num(c.values[1]) {
					return true
				}
			}
		}
	}
	return c.op == "!="
}

func equal(x any, want string) bool {
	switch v := x.(type) {
	case string:
		return strings.EqualFold(v, want) // documented: = is case-insensitive on strings
	case float64:
		f, err := strconv.ParseFloat(want, 64)
		return err == nil && f == v
	}
	return false
}

type token struct {
	kind   string // value, op, ( ) [ ] ,
	text   string
	quoted bool
}

func isWordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.'
}

func tokenize(s string) ([]token, error) {
	var toks []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case strings.ContainsRune("()[],", r):
			toks = append(toks, token{kind: string(r), text: string(r)})
			i++
		case r == '!' && i+1 < len(rs) && rs[i+1] == '=':
			toks = append(toks, token{kind: "op", text: "!="})
			i += 2
		case r == '>' || r == '<':
			if i+1 < len(rs) && rs[i+1] == '=' {
				toks = append(toks, token{kind: "op", text: string(r) + "="})
				i += 2
			} else {
				toks = append(toks, token{kind: "op", text: string(r)})
				i++
			}
		case r == '=':
			toks = append(toks, token{kind: "op", text: "="})
			i++
		case r == '"' || r == '\'':
			quote := r
			j := i + 1
			escapedQuote := false
			for ; j < len(rs) && rs[j] != quote; j++ {
				if rs[j] == '\\' {
					if j+1 >= len(rs) {
						return nil, fmt.Errorf("malformed value at %d", j)
					}
					j++
					if rs[j] == quote {
						escapedQuote = true
					}
				}
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("expression `%s` is missing the closing delimiter `%c`", string(rs[i:]), quote)
			}
			raw := string(rs[i+1 : j])
			if escapedQuote {
				raw = strings.ReplaceAll(raw, `\`+string(quote), string(quote))
			}
			v, err := unescape(raw)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{kind: "value", text: v, quoted: true})
			i = j + 1
		case isWordChar(r):
			j := i
			for j < len(rs) && isWordChar(rs[j]) {
				j++
			}
			toks = append(toks, token{kind: "value", text: string(rs[i:j])})
			i = j
		default:
			return nil, fmt.Errorf("unexpected character %q at %d", r, i)
		}
	}
	return toks, nil
}

// unescape processes backslash escapes like Rust's unescaper crate.
func unescape(s string) (string, error) {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '\\' {
			b.WriteRune(rs[i])
			continue
		}
		if i+1 >= len(rs) {
			return "", fmt.Errorf("incomplete escape in %q", s)
		}
		i++
		switch rs[i] {
		case '\\', '"', '\'', '/':
			b.WriteRune(rs[i])
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '0':
			b.WriteByte(0)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		default:
			return "", fmt.Errorf("invalid escape \\%c in %q", rs[i], s)
		}
	}
	return b.String(), nil
}

var keywords = []string{"AND", "OR", "IN", "NOT", "TO", "EXISTS", "IS", "NULL", "EMPTY", "CONTAINS", "STARTS", "WITH"}

type parser struct {
	toks  []token
	i     int
	conds []condition
}

func (p *parser) peek() token {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return token{kind: "eof"}
}
func (p *parser) next() token { t := p.peek(); p.i++; return t }
func (p *parser) isKw(kw string) bool {
	t := p.peek()
	return t.kind == "value" && !t.quoted && t.text == kw
}

func parseFilter(s string) (node, []condition, error) {
	toks, err := tokenize(s)
	if err != nil {
		return nil, nil, err
	}
	p := &parser{toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, nil, err
	}
	if p.peek().kind != "eof" {
		return nil, nil, fmt.Errorf("found unexpected characters at the end of the filter: %q", p.peek().text)
	}
	return n, p.conds, nil
}

func (p *parser) or() (node, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.isKw("OR") {
		p.next()
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = orNode{l, r}
	}
	return l, nil
}

func (p *parser) and() (node, error) {
	l, err := p.not()
	if err != nil {
		return nil, err
	}
	for p.isKw("AND") {
		p.next()
		r, err := p.not()
		if err != nil {
			return nil, err
		}
		l = andNode{l, r}
	}
	return l, nil
}

func (p *parser) not() (node, error) {
	if p.isKw("NOT") {
		p.next()
		n, err := p.not()
		if err != nil {
			return nil, err
		}
		return notNode{n}, nil
	}
	return p.primary()
}

func (p *parser) value() (string, error) {
	t := p.next()
	if t.kind != "value" {
		return "", fmt.Errorf("was expecting a value but found %q", t.text)
	}
	if !t.quoted && slices.Contains(keywords, t.text) {
		return "", fmt.Errorf("reserved keyword %q used as a value", t.text)
	}
	return t.text, nil
}

func (p *parser) primary() (node, error) {
	if p.peek().kind == "(" {
		p.next()
		n, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.next().kind != ")" {
			return nil, fmt.Errorf("missing closing parenthesis")
		}
		return n, nil
	}
	attr, err := p.value()
	if err != nil {
		return nil, err
	}
	negate := false
	if p.isKw("NOT") {
		p.next()
		negate = true
	}
	var c condition
	switch t := p.peek(); {
	case t.kind == "op" && !negate:
		p.next()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		c = condition{attr, t.text, []string{v}}
	case p.isKw("IN"):
		p.next()
		if p.next().kind != "[" {
			return nil, fmt.Errorf("expected [ after IN")
		}
		c = condition{attr: attr, op: "IN"}
		for {
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			c.values = append(c.values, v)
			t := p.next()
			if t.kind == "]" {
				break
			}
			if t.kind != "," {
				return nil, fmt.Errorf("expected , or ] in IN list, found %q", t.text)
			}
		}
	case p.isKw("EXISTS"):
		p.next()
		c = condition{attr: attr, op: "EXISTS"}
	case t.kind == "value" && !negate:
		from, err := p.value()
		if err != nil {
			return nil, err
		}
		if !p.isKw("TO") {
			return nil, fmt.Errorf("was expecting an operation after %q", attr)
		}
		p.next()
		to, err := p.value()
		if err != nil {
			return nil, err
		}
		c = condition{attr, "TO", []string{from, to}}
	default:
		return nil, fmt.Errorf("was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS` after %q", attr)
	}
	p.conds = append(p.conds, c)
	var n node = condNode{c}
	if negate {
		n = notNode{n}
	}
	return n, nil
}

// locked runs fn holding the fake's lock (tests read and set its state).
func (f *fakeMeili) locked(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn()
}
