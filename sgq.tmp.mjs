import { EC2Client, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
const c = new EC2Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:46155', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
const g = await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['bastion'] }] }));
console.log(JSON.stringify(g.SecurityGroups[0].IpPermissions));
