// One storage account for everything the app keeps: the Functions host and Durable Functions
// (AzureWebJobsStorage), the Flex Consumption deployment package, the case index, the knowledge
// workspace, the inbound queue and the immutable decision traces. Shared-key access is disabled:
// every caller authenticates with Entra ID.

param name string
param location string
param tags object = {}

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Days every new trace blob version stays locked (unlocked time-based policy); 0 = no default policy.')
@minValue(0)
@maxValue(146000)
param traceRetentionDays int = 365

@description('Days deleted blobs and containers can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 7

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    dnsEndpointType: 'Standard'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Versioning is what version-level immutability builds on: a trace is never overwritten in
// place, every write is a new version that the immutability policy protects.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource tracesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: 'traces'
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: {
      enabled: true
    }
  }
}

// Default policy for new trace versions. Left unlocked so it can be lengthened, shortened or
// removed; locking it is a deliberate, irreversible step taken outside this template.
resource tracesRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-01-01' = if (traceRetentionDays > 0) {
  parent: tracesContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: traceRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource workspaceContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: 'workspace'
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource casesTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: 'cases'
}

resource reviewTokensTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: 'reviewtokens'
}

// One data key per case, under which its personal data is sealed; an erasure deletes the key (docs/privacy.md).
// A table, not a blob: a deleted entity is gone, with no soft delete or versions to bring the key back.
resource caseKeysTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = {
  parent: tableService
  name: 'casekeys'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource inboundQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = {
  parent: queueService
  name: 'cases-inbound'
}

resource inboundPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = {
  parent: queueService
  name: 'cases-inbound-poison'
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output deploymentContainerName string = deploymentContainer.name
output containers array = [tracesContainer.name, workspaceContainer.name, deploymentContainer.name]
output tables array = [casesTable.name, reviewTokensTable.name, caseKeysTable.name]
output queues array = [inboundQueue.name, inboundPoisonQueue.name]
