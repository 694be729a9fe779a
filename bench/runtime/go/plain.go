// Package plain mirrors the message structs of fixtures/index.ts with nothing but
// encoding/json tags: the reference the generated decoders are measured against
// (no validation beyond what encoding/json does, no methods).
package plain

type Metadata struct {
	TraceID string `json:"traceId"`
	UserID  string `json:"userId"`
}

type RegisterUserCommand struct {
	ID       string                  `json:"id"`
	Type     string                  `json:"type"`
	Metadata Metadata                `json:"metadata"`
	Data     RegisterUserCommandData `json:"data"`
}

type RegisterUserCommandData struct {
	Auth0ID       string `json:"auth0Id"`
	Email         string `json:"email"`
	EmailVerified bool   `json:"emailVerified"`
	FirstName     string `json:"firstName"`
	LastName      string `json:"lastName"`
	Picture       string `json:"picture"`
	Locale        string `json:"locale"`
}

type ModifyUserCommand struct {
	ID       string                `json:"id"`
	Type     string                `json:"type"`
	Metadata Metadata              `json:"metadata"`
	Data     ModifyUserCommandData `json:"data"`
}

type ModifyUserCommandData struct {
	FirstName *string `json:"firstName,omitempty"`
	LastName  *string `json:"lastName,omitempty"`
	Picture   *string `json:"picture,omitempty"`
	Locale    *string `json:"locale,omitempty"`
}

type EnableAccountingCommand struct {
	ID       string                      `json:"id"`
	Type     string                      `json:"type"`
	Metadata Metadata                    `json:"metadata"`
	Data     EnableAccountingCommandData `json:"data"`
}

type EnableAccountingCommandData struct {
	TenantID string `json:"tenantId"`
	Plan     string `json:"plan"`
}

type UserRegisteredEvent struct {
	ID       string                  `json:"id"`
	Type     string                  `json:"type"`
	Metadata Metadata                `json:"metadata"`
	Data     UserRegisteredEventData `json:"data"`
}

type UserRegisteredEventData struct {
	ID            string `json:"id"`
	Auth0ID       string `json:"auth0Id"`
	Email         string `json:"email"`
	EmailVerified bool   `json:"emailVerified"`
	FirstName     string `json:"firstName"`
	LastName      string `json:"lastName"`
	Picture       string `json:"picture"`
	Locale        string `json:"locale"`
}

type UserModifiedEvent struct {
	ID       string                `json:"id"`
	Type     string                `json:"type"`
	Metadata Metadata              `json:"metadata"`
	Data     UserModifiedEventData `json:"data"`
}

type UserModifiedEventData struct {
	ID        string  `json:"id"`
	FirstName *string `json:"firstName,omitempty"`
	LastName  *string `json:"lastName,omitempty"`
	Picture   *string `json:"picture,omitempty"`
	Locale    *string `json:"locale,omitempty"`
}

type MembershipCreatedEvent struct {
	ID       string                     `json:"id"`
	Type     string                     `json:"type"`
	Metadata Metadata                   `json:"metadata"`
	Data     MembershipCreatedEventData `json:"data"`
}

type MembershipCreatedEventData struct {
	MembershipID string `json:"membershipId"`
	TeamID       string `json:"teamId"`
	UserID       string `json:"userId"`
	Role         string `json:"role"`
	CreatedAt    string `json:"createdAt"`
}

type MembershipUpdatedEvent struct {
	ID       string                     `json:"id"`
	Type     string                     `json:"type"`
	Metadata Metadata                   `json:"metadata"`
	Data     MembershipUpdatedEventData `json:"data"`
}

type MembershipUpdatedEventData struct {
	MembershipID string  `json:"membershipId"`
	Role         *string `json:"role,omitempty"`
	UpdatedAt    string  `json:"updatedAt"`
}

type MembershipDeletedEvent struct {
	ID       string                     `json:"id"`
	Type     string                     `json:"type"`
	Metadata Metadata                   `json:"metadata"`
	Data     MembershipDeletedEventData `json:"data"`
}

type MembershipDeletedEventData struct {
	MembershipID string `json:"membershipId"`
}

type ProjectCreatedEvent struct {
	ID       string                  `json:"id"`
	Type     string                  `json:"type"`
	Metadata Metadata                `json:"metadata"`
	Data     ProjectCreatedEventData `json:"data"`
}

type ProjectCreatedEventData struct {
	ProjectID   string   `json:"projectId"`
	TenantID    string   `json:"tenantId"`
	Name        string   `json:"name"`
	Prefix      string   `json:"prefix"`
	Description string   `json:"description"`
	TeamID      string   `json:"teamId"`
	UserID      string   `json:"userId"`
	Active      bool     `json:"active"`
	Public      bool     `json:"public"`
	ColumnOrder []string `json:"columnOrder"`
	CreatedAt   float64  `json:"createdAt"`
}

type ProjectUpdatedEvent struct {
	ID       string                  `json:"id"`
	Type     string                  `json:"type"`
	Metadata Metadata                `json:"metadata"`
	Data     ProjectUpdatedEventData `json:"data"`
}

type ProjectUpdatedEventData struct {
	ProjectID   string   `json:"projectId"`
	Name        *string  `json:"name,omitempty"`
	Description *string  `json:"description,omitempty"`
	Active      *bool    `json:"active,omitempty"`
	Public      *bool    `json:"public,omitempty"`
	ColumnOrder []string `json:"columnOrder,omitzero"`
	UpdatedAt   float64  `json:"updatedAt"`
}

type ProjectDeletedEvent struct {
	ID       string                  `json:"id"`
	Type     string                  `json:"type"`
	Metadata Metadata                `json:"metadata"`
	Data     ProjectDeletedEventData `json:"data"`
}

type ProjectDeletedEventData struct {
	ProjectID string `json:"projectId"`
}
