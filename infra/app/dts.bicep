// Optional Durable Task Scheduler: a managed backend for Durable Functions with higher
// throughput than the Azure Storage provider. The app reaches it with its managed identity
// (Durable Task Data Contributor, granted in rbac.bicep).

param name string
param taskHubName string
param location string
param tags object = {}

@allowed(['Consumption', 'Dedicated'])
param skuName string = 'Consumption'

@description('Capacity units; used by the Dedicated SKU only.')
@minValue(1)
param skuCapacity int = 1

@description('Client IP ranges allowed to reach the scheduler.')
param ipAllowlist array = ['0.0.0.0/0']

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    ipAllowlist: ipAllowlist
    sku: skuName == 'Dedicated'
      ? {
          name: skuName
          capacity: skuCapacity
        }
      : {
          name: skuName
        }
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

output name string = scheduler.name
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
