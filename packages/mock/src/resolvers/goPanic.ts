/**
 * What Stash answers where its Go code dereferences a nil pointer: the panic, as its gqlgen recover
 * function words it (`internal/api/server.go`).
 */
export const nilPointerPanic =
  'Internal system error. Error <runtime error: invalid memory address or nil pointer dereference>';
