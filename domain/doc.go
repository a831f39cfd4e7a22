// Package domain is the root of Livemarket's business rules: one package per
// bounded context (account, vendor, influencer, catalog, ...) plus the shared
// kernel. Domain packages know nothing of GraphQL, HTTP, job queues or search
// engines; they declare the interfaces they consume and adapters elsewhere
// implement them. arch_test.go keeps it that way.
package domain
