// Key Vault in RBAC mode for the app's secrets. The app reads them through Key Vault references
// resolved with its user-assigned identity (Key Vault Secrets User, granted in rbac.bicep).

param name string
param location string
param tags object = {}

@secure()
@description('HMAC key for emailed review links and public audit links.')
param linkSigningKey string

@secure()
@description('Shared secret for signing help-desk callbacks.')
param callbackSigningKey string

@secure()
@description('SMTP password; no secret is written when empty.')
param smtpPassword string = ''

var smtpPasswordSecretName = 'smtp-password'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource linkSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'link-signing-key'
  properties: {
    value: linkSigningKey
    contentType: 'text/plain'
  }
}

resource callbackSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'callback-signing-key'
  properties: {
    value: callbackSigningKey
    contentType: 'text/plain'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
// Versionless URIs: a new secret version is picked up without redeploying the app.
output linkSigningKeySecretUri string = linkSigningKeySecret.properties.secretUri
output callbackSigningKeySecretUri string = callbackSigningKeySecret.properties.secretUri
// Where the SMTP password lives when one is given (the secret is written only then).
output smtpSecretUri string = '${vault.properties.vaultUri}secrets/${smtpPasswordSecretName}'
