import '@mantine/core/styles.css';
import { Alert, Badge, Button, Container, MantineProvider, PasswordInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, login, SERVICES, serviceInfo, type Service } from './api';

type Status = { ok: boolean; text: string };

function App() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState<string>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<Partial<Record<Service, Status>>>({});

  async function signIn() {
    setError(undefined);
    try {
      const tokens = await login(email, password);
      setToken(tokens.accessToken);
      for (const service of SERVICES) {
        serviceInfo(service, tokens.accessToken)
          .then((info) => setStatus((s) => ({ ...s, [service]: { ok: true, text: String(info.version ?? 'up') } })))
          .catch((e: unknown) =>
            setStatus((s) => ({ ...s, [service]: { ok: false, text: e instanceof Error ? e.message : String(e) } })),
          );
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <Container size="sm" py="xl">
      <Title order={2} mb="md">PhysForge</Title>
      {!token ? (
        <Stack>
          <TextInput label="Email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label="Password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          {error && <Alert color="red">{error}</Alert>}
          <Button onClick={signIn}>Sign in</Button>
        </Stack>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>Service</Table.Th><Table.Th>Status</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SERVICES.map((s) => (
              <Table.Tr key={s}>
                <Table.Td>{s}</Table.Td>
                <Table.Td>
                  {status[s] ? <Badge color={status[s]!.ok ? 'green' : 'red'}>{status[s]!.text}</Badge> : '...'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Container>
  );
}

createRoot(document.getElementById('root')!).render(
  <MantineProvider>
    <App />
  </MantineProvider>,
);
