package account

// CheckPassword exposes checkPassword to the external test package.
var CheckPassword = checkPassword
