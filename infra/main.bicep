// Escalation Functions on Azure: a Flex Consumption function app (.NET 10 isolated worker) with
// Durable Functions, one storage account (host, Durable, case index, workspace, inbound queue,
// immutable decision traces), Key Vault for secrets, Application Insights, and optional
// Azure AI Language and Azure OpenAI. Deployed with `azd up`. Durable Functions runs on the Azure
// Storage provider: the Durable Task Scheduler backend needs an extension package this project
// cannot build and test yet, so it is not offered.
targetScope = 'subscription'

// --- environment --------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Region for all resources. It must offer Flex Consumption function apps.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the user or service principal running the deployment; empty = grant it nothing.')
param principalId string = ''

@description('Resource group name; empty = rg-<environmentName>.')
param resourceGroupName string = ''

// --- application --------------------------------------------------------------------------

@description('Base URL of emailed review links and audit URLs; empty = https://<function app>.azurewebsites.net.')
param publicBaseUrl string = ''

@description('Durable Functions task hub name (letters and digits, starting with a letter).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'escalation'

@secure()
@description('HMAC key for review and audit links, stored in Key Vault as link-signing-key.')
param linkSigningKey string = newGuid()

@secure()
@description('Shared secret for signing help-desk callbacks, stored in Key Vault as callback-signing-key.')
param callbackSigningKey string = newGuid()

@description('Days each new trace version is locked by the container\'s default immutability policy (unlocked, so it can be lengthened). Default 365; raise it to your record-keeping obligation. 0 turns the policy off and is meant only for throw-away environments.')
@minValue(0)
@maxValue(146000)
param traceRetentionDays int = 365

@description('Maximum number of instances the Flex Consumption app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

// --- email --------------------------------------------------------------------------------

@description('Sender address of review and escalation emails.')
param emailFrom string = ''

@description('Reviewer addresses, comma separated.')
param reviewerEmails string = ''

@description('Senior reviewer addresses (escalations), comma separated.')
param seniorReviewerEmails string = ''

@description('SMTP host; empty = emails go to the outbox instead of being sent.')
param smtpHost string = ''

param smtpPort string = '587'

param smtpUser string = ''

@secure()
@description('SMTP password, stored in Key Vault as smtp-password when given; the app reads it when smtpHost and smtpUser are set.')
param smtpPassword string = ''

// --- optional services --------------------------------------------------------------------

@description('Deploy Azure AI Language for sentiment analysis in the detect stage.')
param enableLanguage bool = false

@allowed(['F0', 'S'])
param languageSku string = 'S'

@description('Deploy Azure OpenAI and use it to write drafts.')
param enableOpenAI bool = false

@description('Region of the Azure OpenAI account, where the model is not offered in the app\'s region.')
param openAiLocation string = location

@description('Chat model to deploy.')
param openAiModel string = 'gpt-4o-mini'

param openAiModelVersion string = '2024-07-18'

@description('Name of the model deployment the app calls.')
param openAiDeploymentName string = 'gpt-4o-mini'

param openAiDeploymentSku string = 'GlobalStandard'

@description('Deployment capacity in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 10

// --- names --------------------------------------------------------------------------------

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(uniqueString(functionAppName, resourceToken), 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

// --- resources ----------------------------------------------------------------------------

module identity 'app/identity.bicep' = {
  scope: rg
  name: 'identity'
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  scope: rg
  name: 'storage'
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    traceRetentionDays: traceRetentionDays
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  name: 'monitoring'
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: rg
  name: 'keyvault'
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    linkSigningKey: linkSigningKey
    callbackSigningKey: callbackSigningKey
    smtpPassword: smtpPassword
  }
}

module language 'app/language.bicep' = if (enableLanguage) {
  scope: rg
  name: 'language'
  params: {
    name: '${abbrs.cognitiveServicesTextAnalytics}${resourceToken}'
    location: location
    tags: tags
    skuName: languageSku
  }
}

module openAi 'app/openai.bicep' = if (enableOpenAI) {
  scope: rg
  name: 'openai'
  params: {
    name: '${abbrs.cognitiveServicesOpenAI}${resourceToken}'
    location: openAiLocation
    tags: tags
    deploymentName: openAiDeploymentName
    modelName: openAiModel
    modelVersion: openAiModelVersion
    deploymentSkuName: openAiDeploymentSku
    capacity: openAiCapacity
  }
}

module rbac 'app/rbac.bicep' = {
  scope: rg
  name: 'rbac'
  params: {
    appPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    languageAccountName: enableLanguage ? language!.outputs.name : ''
    openAiAccountName: enableOpenAI ? openAi!.outputs.name : ''
  }
}

// --- application settings -----------------------------------------------------------------

var coreSettings = {
  TASKHUB_NAME: taskHubName
  // Lets DefaultAzureCredential in the app pick the user-assigned identity (Language, OpenAI).
  AZURE_CLIENT_ID: identity.outputs.clientId
  Escalation__Storage__Provider: 'azure'
  Escalation__Storage__BlobServiceUri: storage.outputs.blobEndpoint
  Escalation__Storage__TableServiceUri: storage.outputs.tableEndpoint
  Escalation__Storage__QueueServiceUri: storage.outputs.queueEndpoint
  Escalation__Storage__ManagedIdentityClientId: identity.outputs.clientId
  Escalation__LinkSigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.linkSigningKeySecretUri})'
  Escalation__Callbacks__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.callbackSigningKeySecretUri})'
}

var emailSettings = union(
  {
    Escalation__Email__Mode: empty(smtpHost) ? 'outbox' : 'smtp'
    Escalation__Email__From: emailFrom
    Escalation__Email__Reviewers: reviewerEmails
    Escalation__Email__SeniorReviewers: seniorReviewerEmails
    Escalation__Email__Smtp__Host: smtpHost
    Escalation__Email__Smtp__Port: smtpPort
    Escalation__Email__Smtp__User: smtpUser
  },
  // The password itself lives in Key Vault (smtp-password), written when smtpPassword is given;
  // later provisions without it keep the stored secret.
  empty(smtpHost) || empty(smtpUser)
    ? {}
    : {
        Escalation__Email__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.smtpSecretUri})'
      }
)

var languageSettings = enableLanguage
  ? {
      Escalation__Language__Endpoint: language!.outputs.endpoint
    }
  : {}

var draftingSettings = enableOpenAI
  ? {
      Escalation__Drafting__Provider: 'azure-openai'
      Escalation__Drafting__Endpoint: openAi!.outputs.endpoint
      Escalation__Drafting__Model: openAi!.outputs.deploymentName
    }
  : {
      Escalation__Drafting__Provider: 'composer'
    }

module api 'app/api.bicep' = {
  scope: rg
  name: 'api'
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    publicBaseUrl: publicBaseUrl
    appSettings: union(coreSettings, emailSettings, languageSettings, draftingSettings)
  }
  // The host starts as soon as the app exists: let it find its storage, telemetry and secret
  // permissions already in place.
  dependsOn: [
    rbac
  ]
}

// --- outputs (written to the azd environment) ---------------------------------------------

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output TASKHUB_NAME string = taskHubName
output AZURE_LANGUAGE_ENDPOINT string = enableLanguage ? language!.outputs.endpoint : ''
output AZURE_OPENAI_ENDPOINT string = enableOpenAI ? openAi!.outputs.endpoint : ''
