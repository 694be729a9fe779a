"""Hand-written Python peers of the fixture's messages: pydantic v2 (strict) and msgspec.

Each mirrors fixtures/index.ts field for field (camelCase JSON keys, optional
fields that may be absent, the discriminator as a literal), and dispatches on
`type` the way each library does it natively (a discriminated union), as
`parse_message` does. Imported only when the `bench` extra is installed.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

# --- pydantic v2, strict -------------------------------------------------------------

try:
    import pydantic
    from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
except ImportError:  # pragma: no cover - the bench extra is not installed
    pydantic = None

if pydantic is not None:

    class _Model(BaseModel):
        model_config = ConfigDict(strict=True, populate_by_name=True, extra="ignore")

    class Metadata(_Model):
        trace_id: str = Field(alias="traceId")
        user_id: str = Field(alias="userId")

    class RegisterUserData(_Model):
        auth0_id: str = Field(alias="auth0Id")
        email: str
        email_verified: bool = Field(alias="emailVerified")
        first_name: str = Field(alias="firstName")
        last_name: str = Field(alias="lastName")
        picture: str
        locale: str

    class ModifyUserData(_Model):
        first_name: str | None = Field(None, alias="firstName")
        last_name: str | None = Field(None, alias="lastName")
        picture: str | None = None
        locale: str | None = None

    class EnableAccountingData(_Model):
        tenant_id: str = Field(alias="tenantId")
        plan: str

    class UserRegisteredData(RegisterUserData):
        id: str

    class UserModifiedData(ModifyUserData):
        id: str

    class MembershipCreatedData(_Model):
        membership_id: str = Field(alias="membershipId")
        team_id: str = Field(alias="teamId")
        user_id: str = Field(alias="userId")
        role: str
        created_at: str = Field(alias="createdAt")

    class MembershipUpdatedData(_Model):
        membership_id: str = Field(alias="membershipId")
        role: str | None = None
        updated_at: str = Field(alias="updatedAt")

    class MembershipDeletedData(_Model):
        membership_id: str = Field(alias="membershipId")

    class ProjectCreatedData(_Model):
        project_id: str = Field(alias="projectId")
        tenant_id: str = Field(alias="tenantId")
        name: str
        prefix: str
        description: str
        team_id: str = Field(alias="teamId")
        user_id: str = Field(alias="userId")
        active: bool
        public: bool
        column_order: list[str] = Field(alias="columnOrder")
        created_at: float = Field(alias="createdAt", allow_inf_nan=False)

    class ProjectUpdatedData(_Model):
        project_id: str = Field(alias="projectId")
        name: str | None = None
        description: str | None = None
        active: bool | None = None
        public: bool | None = None
        column_order: list[str] | None = Field(None, alias="columnOrder")
        updated_at: float = Field(alias="updatedAt", allow_inf_nan=False)

    class ProjectDeletedData(_Model):
        project_id: str = Field(alias="projectId")

    def _message(name: str, value: str, data: type[BaseModel]) -> type[BaseModel]:
        fields: dict[str, Any] = {
            "id": (str, ...),
            "type": (Literal[value], ...),  # type: ignore[valid-type]
            "metadata": (Metadata, ...),
            "data": (data, ...),
        }
        return pydantic.create_model(name, __base__=_Model, **fields)

    PYDANTIC_MODELS: dict[str, type[BaseModel]] = {
        "RegisterUserCommand": _message("RegisterUserCommand", "RegisterUser", RegisterUserData),
        "ModifyUserCommand": _message("ModifyUserCommand", "ModifyUser", ModifyUserData),
        "EnableAccountingCommand": _message(
            "EnableAccountingCommand", "EnableAccounting", EnableAccountingData
        ),
        "UserRegisteredEvent": _message("UserRegisteredEvent", "UserRegistered",
                                        UserRegisteredData),
        "UserModifiedEvent": _message("UserModifiedEvent", "UserModified", UserModifiedData),
        "MembershipCreatedEvent": _message(
            "MembershipCreatedEvent", "MembershipCreated", MembershipCreatedData
        ),
        "MembershipUpdatedEvent": _message(
            "MembershipUpdatedEvent", "MembershipUpdated", MembershipUpdatedData
        ),
        "MembershipDeletedEvent": _message(
            "MembershipDeletedEvent", "MembershipDeleted", MembershipDeletedData
        ),
        "ProjectCreatedEvent": _message("ProjectCreatedEvent", "ProjectCreated",
                                        ProjectCreatedData),
        "ProjectUpdatedEvent": _message("ProjectUpdatedEvent", "ProjectUpdated",
                                        ProjectUpdatedData),
        "ProjectDeletedEvent": _message("ProjectDeletedEvent", "ProjectDeleted",
                                        ProjectDeletedData),
    }
    PYDANTIC_MESSAGE: Any = TypeAdapter(
        Annotated[Union[tuple(PYDANTIC_MODELS.values())], Field(discriminator="type")]  # noqa: UP007
    )

# --- msgspec ---------------------------------------------------------------------------

try:
    import msgspec
except ImportError:  # pragma: no cover - the bench extra is not installed
    msgspec = None

if msgspec is not None:

    class _S(msgspec.Struct, rename="camel", omit_defaults=True):
        pass

    class MMetadata(_S):
        trace_id: str
        user_id: str

    class MRegisterUserData(_S):
        auth0_id: str
        email: str
        email_verified: bool
        first_name: str
        last_name: str
        picture: str
        locale: str

    class MModifyUserData(_S):
        first_name: str | None = None
        last_name: str | None = None
        picture: str | None = None
        locale: str | None = None

    class MEnableAccountingData(_S):
        tenant_id: str
        plan: str

    class MUserRegisteredData(_S):
        id: str
        auth0_id: str
        email: str
        email_verified: bool
        first_name: str
        last_name: str
        picture: str
        locale: str

    class MUserModifiedData(_S):
        id: str
        first_name: str | None = None
        last_name: str | None = None
        picture: str | None = None
        locale: str | None = None

    class MMembershipCreatedData(_S):
        membership_id: str
        team_id: str
        user_id: str
        role: str
        created_at: str

    class MMembershipUpdatedData(_S):
        membership_id: str
        updated_at: str
        role: str | None = None

    class MMembershipDeletedData(_S):
        membership_id: str

    class MProjectCreatedData(_S):
        project_id: str
        tenant_id: str
        name: str
        prefix: str
        description: str
        team_id: str
        user_id: str
        active: bool
        public: bool
        column_order: list[str]
        created_at: float

    class MProjectUpdatedData(_S):
        project_id: str
        updated_at: float
        name: str | None = None
        description: str | None = None
        active: bool | None = None
        public: bool | None = None
        column_order: list[str] | None = None

    class MProjectDeletedData(_S):
        project_id: str

    def _mmessage(name: str, value: str, data: type) -> type:
        return msgspec.defstruct(
            name,
            [("id", str), ("metadata", MMetadata), ("data", data)],
            tag_field="type",
            tag=value,
            rename="camel",
            omit_defaults=True,
        )

    MSGSPEC_MODELS: dict[str, type] = {
        "RegisterUserCommand": _mmessage("RegisterUserCommand", "RegisterUser",
                                         MRegisterUserData),
        "ModifyUserCommand": _mmessage("ModifyUserCommand", "ModifyUser", MModifyUserData),
        "EnableAccountingCommand": _mmessage("EnableAccountingCommand", "EnableAccounting",
                                             MEnableAccountingData),
        "UserRegisteredEvent": _mmessage("UserRegisteredEvent", "UserRegistered",
                                         MUserRegisteredData),
        "UserModifiedEvent": _mmessage("UserModifiedEvent", "UserModified",
                                       MUserModifiedData),
        "MembershipCreatedEvent": _mmessage("MembershipCreatedEvent", "MembershipCreated",
                                            MMembershipCreatedData),
        "MembershipUpdatedEvent": _mmessage("MembershipUpdatedEvent", "MembershipUpdated",
                                            MMembershipUpdatedData),
        "MembershipDeletedEvent": _mmessage("MembershipDeletedEvent", "MembershipDeleted",
                                            MMembershipDeletedData),
        "ProjectCreatedEvent": _mmessage("ProjectCreatedEvent", "ProjectCreated",
                                         MProjectCreatedData),
        "ProjectUpdatedEvent": _mmessage("ProjectUpdatedEvent", "ProjectUpdated",
                                         MProjectUpdatedData),
        "ProjectDeletedEvent": _mmessage("ProjectDeletedEvent", "ProjectDeleted",
                                         MProjectDeletedData),
    }
    MSGSPEC_DECODER: Any = msgspec.json.Decoder(Union[tuple(MSGSPEC_MODELS.values())])  # noqa: UP007
    MSGSPEC_ENCODER: Any = msgspec.json.Encoder()
